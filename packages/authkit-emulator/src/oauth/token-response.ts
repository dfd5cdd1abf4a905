import type { EmulatorContext } from "../context.js";
import { mintAccessToken, type AccessTokenSubject } from "./access-token.js";
import { issueRefreshToken, pruneExpiredRefreshTokens } from "./refresh-tokens.js";

/** RFC 6749 §5.1 successful token response. */
export interface TokenResponse {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  refresh_token: string;
  scope: string;
}

/**
 * Mints the access token and the next refresh token of a family. The refresh token carries
 * `refreshTokenScope` (default: the access token's scope); a refresh that narrows the access
 * token passes the original grant's scope here (RFC 6749 §6).
 * A refresh token is always returned, whether or not `offline_access` was requested: AuthKit
 * does the same for MCP clients, so code written against the emulator must not assume its absence.
 *
 * @example
 * res.json(await issueTokenResponse(ctx, subject, family));
 */
export async function issueTokenResponse(
  ctx: EmulatorContext,
  subject: AccessTokenSubject,
  family: string,
  refreshTokenScope: string = subject.scope,
): Promise<TokenResponse> {
  pruneExpiredRefreshTokens(ctx);
  const { accessToken, expiresIn } = await mintAccessToken(ctx, subject);
  const refreshToken = issueRefreshToken(ctx, {
    session_id: subject.sessionId,
    client_id: subject.clientId,
    scope: refreshTokenScope,
    resource: subject.resource,
    family,
  });
  return { access_token: accessToken, token_type: "Bearer", expires_in: expiresIn, refresh_token: refreshToken, scope: subject.scope };
}
