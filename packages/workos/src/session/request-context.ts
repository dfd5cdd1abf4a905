// `async_hooks`, not `node:async_hooks`: xmcp's Workers build (`xmcp build --cf`) leaves exactly
// that name to the runtime and cannot resolve the `node:` form; Node and wrangler take either.
import { AsyncLocalStorage } from "async_hooks";
import type { WorkOS } from "@workos-inc/node";
import type { Access } from "../access/access.js";
import type { MembershipResolver } from "../workos/membership-resolver.js";
import type { UserLoader } from "../workos/user-cache.js";
import type { AuthInfo } from "./auth-info.js";
import type { Session } from "./session.js";

/** Everything a tool may reach during one authenticated request. */
export interface RequestContext {
  session: Readonly<Session>;
  token: string;
  client: WorkOS;
  users: UserLoader;
  memberships: MembershipResolver;
  /** Filled by the first `getAccess()` of the request and shared by the later ones. */
  access?: Promise<Access>;
  /**
   * The provider that authenticated the request, and the `AuthInfo` it made of the caller then
   * (absent for a context opened without a provider): an adapter trusts only a context its own
   * provider opened, never one another provider in the same process opened for its own resource,
   * and hands xmcp that request's own `AuthInfo` rather than building a second one.
   */
  opened?: { by: object; authInfo: AuthInfo };
}

/**
 * Process-wide state shared by every copy of this package. A bundler can load it twice (its ESM
 * and CJS builds); both copies must find the same storage and the same client, so instances, and
 * only instances, are kept in a registry slot on globalThis. Request values never live there:
 * outside `run()` there is no session, by design.
 *
 * `async_hooks` is available on Node and, under `nodejs_compat`, on Cloudflare Workers.
 */
interface Registry {
  storage: AsyncLocalStorage<RequestContext>;
  /** The WorkOS client of the provider created last, for `getClient()` outside a request. */
  client: WorkOS | undefined;
}

const slot = Symbol.for("@xmcp-dev/workos/registry");

const registry: Registry = ((globalThis as { [slot]?: Registry })[slot] ??= {
  storage: new AsyncLocalStorage<RequestContext>(),
  client: undefined,
});

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return registry.storage.run(context, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return registry.storage.getStore();
}

/** Called by every provider, so `getClient()` also works outside requests (start-up jobs, scripts). */
export function registerClient(client: WorkOS): void {
  registry.client = client;
}

export function registeredClient(): WorkOS | undefined {
  return registry.client;
}
