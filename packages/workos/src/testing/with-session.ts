import type { WorkOS } from "@workos-inc/node";
import type { WorkOSAuth } from "../core/workos-auth.js";
import { WorkOSContextError } from "../errors.js";
import { toAuthInfo } from "../session/auth-info.js";
import { runWithRequestContext } from "../session/request-context.js";
import { refuseInProduction } from "./refuse-in-production.js";
import { sessionFromTestInput, type TestSession } from "./test-session.js";

export interface WithSessionOptions {
  /**
   * A core (`createWorkOSAuth(...)`) pointed at the emulator or a WorkOS test environment. Needed
   * for an access token, and for `getUser()`, `getClient()` and membership look-ups; a session
   * given as fields works without it for `getSession()` and the access checks on token claims.
   */
  auth?: WorkOSAuth;
}

/**
 * Runs `fn` as an authenticated request, with no HTTP: inside it `getSession()`, `getAccess()`
 * and the other checks see this caller, exactly as in a tool behind `workosProvider()`.
 *
 * Give a session as fields (`{ userId, organizationId, role, permissions }`), or an access token
 * (from `emulator.issueAccessToken()`), which is verified by `options.auth` like a real request.
 *
 * @example
 * import { withSession } from "@xmcp-dev/workos/testing";
 * import whoami from "../src/tools/whoami";
 *
 * const text = await withSession({ userId: "user_01ALICE", organizationId: "org_01ACME", role: "admin" }, () => whoami());
 */
export async function withSession<T>(session: TestSession | string, fn: () => T | Promise<T>, options: WithSessionOptions = {}): Promise<T> {
  refuseInProduction();
  const { auth } = options;
  if (typeof session === "string") {
    if (!auth) throw new TypeError("[WorkOS] withSession(accessToken, fn) needs { auth: createWorkOSAuth(...) } to verify the token");
    const result = await auth.authenticate(`Bearer ${session}`);
    if (!result.ok) throw result.error;
    return auth.runWithSession(result, fn);
  }
  const built = sessionFromTestInput(session, auth?.issuer ?? "https://authkit.test.invalid");
  if (auth) {
    return auth.runWithSession({ ok: true, token: "", session: built, authInfo: toAuthInfo("", built, auth.resource) }, fn);
  }
  return runWithRequestContext({ session: built, token: "", client: unavailableClient(), users: unavailable, memberships: unavailable }, fn);
}

const NEEDS_AUTH =
  "[WorkOS] This test session has no WorkOS client: pass { auth: createWorkOSAuth({ ...emulator settings }) } to withSession() to use getUser(), getClient() or role look-ups";

function unavailable(): never {
  throw new WorkOSContextError("client_not_initialized", NEEDS_AUTH);
}

/** Any use of the client says what to do instead of failing somewhere inside the SDK. */
function unavailableClient(): WorkOS {
  return new Proxy({} as WorkOS, {
    get(_target, property) {
      // Promise resolution and inspection probe `then` and symbols; those must not throw.
      if (property === "then" || typeof property === "symbol") return undefined;
      return unavailable();
    },
  });
}
