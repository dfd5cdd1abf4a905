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
 * Mints the access token and the next refresh token of a family.
 * A refresh token is always returned, whether or not `offline_access` was requested: AuthKit
 * does the same for MCP clients, so code written against the emulator must not assume its absence.
 *
 * @example
 * res.json(await issueTokenResponse(ctx, subject, family));
 */
export async function issueTokenResponse(ctx: EmulatorContext, subject: AccessTokenSubject, family: string): Promise<TokenResponse> {
  pruneExpiredRefreshTokens(ctx);
  const { accessToken, expiresIn } = await mintAccessToken(ctx, subject);
  const refreshToken = issueRefreshToken(ctx, {
    session_id: subject.sessionId,
    client_id: subject.clientId,
    scope: subject.scope,
    resource: subject.resource,
    family,
  });
  return { access_token: accessToken, token_type: "Bearer", expires_in: expiresIn, refresh_token: refreshToken, scope: subject.scope };
}
