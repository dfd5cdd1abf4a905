import { AsyncLocalStorage } from "node:async_hooks";
import type { WorkOS } from "@workos-inc/node";
import type { Session } from "./session.js";
import type { UserLoader } from "../workos/user-cache.js";
import type { MembershipResolver } from "../workos/membership-resolver.js";

/** Everything a tool may reach during one authenticated request. */
export interface RequestContext {
  session: Readonly<Session>;
  token: string;
  client: WorkOS;
  users: UserLoader;
  memberships: MembershipResolver;
}

/**
 * One AsyncLocalStorage per process. A bundler can load this package twice (its ESM and CJS
 * builds); both copies must find the same storage, so the instance, and only the instance, is
 * kept in a registry slot on globalThis. Values never live there: outside `run()` there is no
 * session, by design.
 */
const slot = Symbol.for("@xmcp-dev/workos/request-context");
type Registry = { [slot]?: AsyncLocalStorage<RequestContext> };

const storage: AsyncLocalStorage<RequestContext> =
  ((globalThis as Registry)[slot] ??= new AsyncLocalStorage<RequestContext>());

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
