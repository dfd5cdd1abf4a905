import type { Request } from "express";
import type { OAuthClientRecord } from "../store/types.js";
import { OAuthError } from "./oauth-error.js";
import type { OAuthRuntime } from "./oauth-runtime.js";
import { findRefreshToken, revokeGrant } from "./refresh-tokens.js";
import { optionalParam, requiredParam } from "./request-params.js";
import { issueTokenResponse, type TokenResponse } from "./token-response.js";
import { markRefreshTokenUsed } from "../store/refresh-tokens.js";
import { findSession } from "../store/sessions.js";

/**
 * grant_type=refresh_token with rotation: each refresh token works once. Presenting a spent one
 * means it leaked, so the whole family and its session are revoked (RFC 9700 §4.14.2).
 */
export async function refreshAccessToken(runtime: OAuthRuntime, req: Request, client: OAuthClientRecord): Promise<TokenResponse> {
  const { ctx } = runtime;
  const record = findRefreshToken(ctx, requiredParam(req.body, "refresh_token"));
  if (!record || record.client_id !== client.client_id) throw new OAuthError("invalid_grant", "The refresh token is invalid.");
  if (record.used) {
    revokeGrant(ctx, { family: record.family, sessionId: record.session_id });
    ctx.logger.warn(`Spent refresh token reused by ${client.client_id}; the token family and session were revoked.`);
    throw new OAuthError("invalid_grant", "The refresh token has already been used.");
  }
  if (record.expires_at <= ctx.now()) throw new OAuthError("invalid_grant", "The refresh token has expired.");
  const session = findSession(ctx, record.session_id);
  if (!session || session.revoked) throw new OAuthError("invalid_grant", "The session has been revoked.");

  // RFC 6749 §6: a narrower scope may be requested, never a wider one. Empty parts (a double
  // space) are not scopes, so they are dropped rather than reported as unknown ones.
  const requested = optionalParam(req.body, "scope")?.split(" ").filter((scope) => scope !== "");
  const granted = record.scope.split(" ");
  if (requested?.some((scope) => !granted.includes(scope))) {
    throw new OAuthError("invalid_scope", "The requested scope exceeds the original grant.");
  }
  const accessTokenScope = requested !== undefined && requested.length > 0 ? requested.join(" ") : record.scope;
  const resource = optionalParam(req.body, "resource");
  if (resource !== undefined && resource !== record.resource) {
    throw new OAuthError("invalid_target", "resource does not match the original grant.");
  }
  markRefreshTokenUsed(ctx, record);
  return issueTokenResponse(
    ctx,
    {
      userId: session.user_id,
      organizationId: session.organization_id,
      sessionId: session.id,
      clientId: client.client_id,
      scope: accessTokenScope,
      resource: record.resource,
    },
    // RFC 6749 §6: the new refresh token keeps the original grant's scope; only this access token
    // is narrowed, so a later refresh may ask for the full scope again.
    { family: record.family, grantScope: record.scope },
  );
}
