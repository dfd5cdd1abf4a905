import type { User, WorkOS } from "@workos-inc/node";
import { toWorkOSApiError } from "./api-error.js";
import { CoalescingCache } from "./coalescing-cache.js";

export type UserLoader = (userId: string) => Promise<User>;

/** `getUser()` behind a short per-user TTL: a burst of tool calls by one user costs one API request. */
export function createUserLoader(client: WorkOS, options: { ttlMs: number; maxEntries: number }): UserLoader {
  const cache = new CoalescingCache<User>(options);
  return (userId) =>
    cache.get(userId, async () => {
      try {
        return await client.userManagement.getUser(userId);
      } catch (error) {
        throw toWorkOSApiError("load the signed-in user", error);
      }
    });
}
