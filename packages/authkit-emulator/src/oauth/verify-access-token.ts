import { createLocalJWKSet, errors, jwtVerify, type JWTPayload } from "jose";
import { publishedJwks } from "../keys/index.js";
import { OAuthError } from "./oauth-error.js";
import type { OAuthRuntime } from "./oauth-runtime.js";
import { findSession } from "../store/sessions.js";

/** The claims of an access token this emulator issued and still considers active. */
export interface ActiveAccessToken extends JWTPayload {
  sub: string;
  sid: string;
  client_id: string;
  scope: string;
  jti: string;
  exp: number;
}

type LocalKeySet = ReturnType<typeof createLocalJWKSet>;
const keySets = new WeakMap<OAuthRuntime, { kids: string; keySet: LocalKeySet }>();

/** The local key set, rebuilt only when the published keys change (rotation, expiry of a retired key). */
function localKeySet(runtime: OAuthRuntime): LocalKeySet {
  const jwks = publishedJwks(runtime.ctx);
  const kids = jwks.keys.map((key) => String(key.kid)).join(",");
  const cached = keySets.get(runtime);
  if (cached?.kids === kids) return cached.keySet;
  const keySet = createLocalJWKSet(jwks as Parameters<typeof createLocalJWKSet>[0]);
  keySets.set(runtime, { kids, keySet });
  return keySet;
}

/**
 * Verifies an access token against the published keys and checks its session was not revoked
 * since (refresh reuse, code replay, `revokeSession`).
 * Throws OAuthError("invalid_token") without saying which check failed.
 *
 * @example
 * const claims = await verifyAccessToken(runtime, bearerToken);
 */
export async function verifyAccessToken(runtime: OAuthRuntime, token: string): Promise<ActiveAccessToken> {
  const { ctx } = runtime;
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, localKeySet(runtime), {
      issuer: ctx.issuer,
      algorithms: ["RS256"],
      currentDate: new Date(ctx.now() * 1000),
      requiredClaims: ["sub", "sid", "jti", "exp"],
    }));
  } catch (error) {
    if (error instanceof errors.JOSEError) throw new OAuthError("invalid_token", "The access token is invalid or expired.");
    throw error;
  }
  const session = typeof payload.sid === "string" ? findSession(ctx, payload.sid) : undefined;
  if (!session || session.revoked) throw new OAuthError("invalid_token", "The access token has been revoked.");
  return payload as ActiveAccessToken;
}

/** Reads `Authorization: Bearer <token>` (RFC 6750 §2.1). */
export function bearerToken(header: string | undefined): string {
  const match = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/i.exec(header ?? "");
  if (!match?.[1]) throw new OAuthError("invalid_token", "A Bearer access token is required.");
  return match[1];
}
