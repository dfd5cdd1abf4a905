import type { User, WorkOS } from "@workos-inc/node";
import { createCachedLookup, type LookupDependencies } from "./cached-lookup.js";

export type UserLoader = (userId: string) => Promise<User>;

/**
 * `getUser()` behind the per-process cache and, when configured, the shared store: a burst of
 * tool calls by one user costs one API request per TTL, across every instance sharing the store.
 */
export function createUserLoader(client: WorkOS, deps: LookupDependencies, options: { ttlMs: number; maxEntries: number }): UserLoader {
  return createCachedLookup<User>(deps, {
    kind: "user",
    method: "userManagement.getUser",
    action: "load the signed-in user",
    ...options,
    fetch: (userId) => client.userManagement.getUser(userId),
    isValue: (value, userId): value is User =>
      typeof value === "object" && value !== null && (value as User).object === "user" && (value as User).id === userId,
    onLookup: (hit) => deps.metrics.userCacheLookup(hit),
  });
}
