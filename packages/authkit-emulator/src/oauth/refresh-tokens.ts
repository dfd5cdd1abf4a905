import type { EmulatorContext } from "../context.js";
import type { RefreshTokenRecord } from "../store/types.js";
import { createSecret, hashSecret } from "./opaque-ids.js";

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
  ctx.state.refreshTokens.push({ ...binding, hash: hashSecret(token), used: false, expires_at: ctx.now() + REFRESH_TOKEN_TTL_SECONDS });
  ctx.save();
  return token;
}

export function findRefreshToken(ctx: EmulatorContext, token: string): RefreshTokenRecord | undefined {
  const hash = hashSecret(token);
  return ctx.state.refreshTokens.find((record) => record.hash === hash);
}

/**
 * Ends a whole grant: deletes every refresh token of the family and revokes the session, which
 * makes the access tokens it carries inactive at introspection and userinfo. Used on refresh-token
 * reuse (OAuth 2.0 Security BCP, RFC 9700 §4.14.2), code replay (RFC 6749 §4.1.2) and revocation.
 */
export function revokeGrant(ctx: EmulatorContext, grant: { family: string; sessionId: string }): void {
  ctx.state.refreshTokens = ctx.state.refreshTokens.filter((record) => record.family !== grant.family);
  const session = ctx.state.sessions.find((candidate) => candidate.id === grant.sessionId);
  if (session) session.revoked = true;
  ctx.save();
}

/** Drops expired refresh tokens so the persisted state does not grow forever. */
export function pruneExpiredRefreshTokens(ctx: EmulatorContext): void {
  const now = ctx.now();
  const before = ctx.state.refreshTokens.length;
  ctx.state.refreshTokens = ctx.state.refreshTokens.filter((record) => record.expires_at > now);
  if (ctx.state.refreshTokens.length !== before) ctx.save();
}
