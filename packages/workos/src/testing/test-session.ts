import type { JWTClaims } from "../session/claims.js";
import { sessionFromClaims, type Session } from "../session/session.js";

/** The session fields a test may set; the rest of `Session` is derived from them, as from a token. */
type SettableSessionFields = "organizationId" | "role" | "roles" | "permissions" | "entitlements" | "featureFlags" | "sessionId" | "clientId";

/**
 * Who a test runs as: the fields a tool reads from `getSession()`. Everything but `userId` is
 * optional; `claims` adds or replaces raw token claims for code that reads `session.claims`.
 */
export type TestSession = Pick<Session, "userId"> &
  Partial<Pick<Session, SettableSessionFields>> & {
    /** Default: `openid profile email`. */
    scopes?: readonly string[];
    /** Default: five minutes from now, AuthKit's access-token lifetime. */
    expiresAt?: Date;
    claims?: Record<string, unknown>;
  };

let counter = 0;

/**
 * The session the plugin would build from a token carrying these claims: the same code path
 * (`sessionFromClaims`), so a tool cannot tell a test session from a real one.
 */
export function sessionFromTestInput(input: TestSession, issuer: string): Readonly<Session> {
  if (input === null || typeof input !== "object" || typeof input.userId !== "string" || input.userId === "") {
    throw new TypeError("[WorkOS] withSession() needs a session with a userId, or an access token string");
  }
  const nowSeconds = Math.floor(Date.now() / 1000);
  const expiresAt = input.expiresAt ?? new Date((nowSeconds + 300) * 1000);
  if (!(expiresAt instanceof Date) || Number.isNaN(expiresAt.getTime())) throw new TypeError("[WorkOS] withSession(): expiresAt must be a valid Date");
  counter += 1;
  const claims: Record<string, unknown> = {
    iss: issuer,
    sub: input.userId,
    aud: input.clientId ?? "client_test",
    sid: input.sessionId ?? `session_test_${counter}`,
    jti: `jti_test_${counter}`,
    client_id: input.clientId ?? "client_test",
    scope: (input.scopes ?? ["openid", "profile", "email"]).join(" "),
    iat: nowSeconds,
    exp: Math.floor(expiresAt.getTime() / 1000),
    ...(input.organizationId === undefined ? {} : { org_id: input.organizationId }),
    ...(input.role === undefined ? {} : { role: input.role }),
    ...(input.roles === undefined ? {} : { roles: input.roles }),
    ...(input.permissions === undefined ? {} : { permissions: input.permissions }),
    ...(input.entitlements === undefined ? {} : { entitlements: input.entitlements }),
    ...(input.featureFlags === undefined ? {} : { feature_flags: input.featureFlags }),
    ...input.claims,
  };
  return sessionFromClaims(copyOfClaims(claims) as unknown as JWTClaims);
}

/**
 * The claims as a token's JSON would carry them: a copy, since sessionFromClaims freezes what it
 * is given and the test's own arrays and objects must stay as they were.
 */
function copyOfClaims(claims: Record<string, unknown>): Record<string, unknown> {
  try {
    return structuredClone(claims);
  } catch (error) {
    if (error instanceof DOMException && error.name === "DataCloneError") {
      throw new TypeError("[WorkOS] withSession(): claims must be JSON values (strings, numbers, booleans, null, arrays and plain objects), as in a token", { cause: error });
    }
    throw error;
  }
}
