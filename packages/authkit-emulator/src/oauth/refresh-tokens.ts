import type { EmulatorContext } from "../context.js";
import { addRefreshToken, findRefreshTokenByHash, removeRefreshTokenFamily } from "../store/refresh-tokens.js";
import { findSession, revokeSession } from "../store/sessions.js";
import type { RefreshTokenRecord } from "../store/types.js";
import { createSecret, hashSecret } from "./secrets.js";

export { pruneExpiredRefreshTokens } from "../store/refresh-tokens.js";

/** Refresh tokens are opaque and long-lived; the session's revocation ends them sooner. */
export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

/**
 * Stores a new refresh token (only its hash) and returns the token.
 *
 * @example
 * const refreshToken = issueRefreshToken(ctx, { session_id, client_id, scope, resource, family });
 */
export function issueRefreshToken(ctx: EmulatorContext, binding: Pick<RefreshTokenRecord, "session_id" | "client_id" | "scope" | "resource" | "family">): string {
  const token = createSecret();
  addRefreshToken(ctx, { ...binding, hash: hashSecret(token), used: false, expires_at: ctx.now() + REFRESH_TOKEN_TTL_SECONDS });
  return token;
}

export function findRefreshToken(ctx: EmulatorContext, token: string): RefreshTokenRecord | undefined {
  return findRefreshTokenByHash(ctx, hashSecret(token));
}

/**
 * Ends a whole grant: deletes every refresh token of the family and revokes the session, which
 * makes the access tokens it carries inactive at introspection and userinfo. Used on refresh-token
 * reuse (OAuth 2.0 Security BCP, RFC 9700 §4.14.2) and code replay (RFC 6749 §4.1.2).
 */
export function revokeGrant(ctx: EmulatorContext, grant: { family: string; sessionId: string }): void {
  removeRefreshTokenFamily(ctx, grant.family);
  const session = findSession(ctx, grant.sessionId);
  if (session) revokeSession(ctx, session);
}
