import type { EmulatorContext } from "../context.js";
import { membershipOf } from "../store/memberships.js";
import { mintAccessToken, type AccessTokenSubject } from "./access-token.js";
import { mintIdToken } from "./id-token.js";
import { issueRefreshToken, pruneExpiredRefreshTokens } from "./refresh-tokens.js";
import { OAuthError } from "./oauth-error.js";
import { hasScope } from "./scopes.js";

/**
 * The token response as AuthKit documents it (`access_token`, `expires_in`, `id_token`,
 * `refresh_token`, `token_type: "bearer"`). `scope` is added only when the client asked for no
 * scope and got the default, where RFC 6749 §5.1 requires it.
 */
export interface TokenResponse {
  access_token: string;
  token_type: "bearer";
  expires_in: number;
  id_token?: string;
  refresh_token?: string;
  scope?: string;
}

export interface TokenResponseOptions {
  /** Refresh-token family (rotation chain) the tokens belong to. */
  family: string;
  /**
   * The scope of the grant the refresh token carries (default: the access token's). A refresh
   * that narrows the access token passes the original grant's scope here (RFC 6749 §6).
   */
  grantScope?: string;
  /** From the authorization request, for the ID token. */
  nonce?: string;
  /** Put `scope` in the response: the client did not name the scope it got. */
  includeScope?: boolean;
}

/**
 * Mints the access token, the ID token when `openid` was granted, and the next refresh token of
 * the family when the grant includes `offline_access` ("Adds a refresh token to the response",
 * AuthKit's authorize reference).
 *
 * @example
 * res.json(await issueTokenResponse(ctx, subject, { family, nonce }));
 */
export async function issueTokenResponse(ctx: EmulatorContext, subject: AccessTokenSubject, options: TokenResponseOptions): Promise<TokenResponse> {
  // A membership may end after sign-in; a token must never name an organization the user left.
  if (subject.organizationId !== null && membershipOf(ctx, subject.userId, subject.organizationId)?.status !== "active") {
    throw new OAuthError("invalid_grant", "The user is no longer a member of this grant's organization.");
  }
  pruneExpiredRefreshTokens(ctx);
  const grantScope = options.grantScope ?? subject.scope;
  const { accessToken, expiresIn } = await mintAccessToken(ctx, subject);
  const response: TokenResponse = { access_token: accessToken, token_type: "bearer", expires_in: expiresIn };
  if (hasScope(subject.scope, "openid")) {
    const idToken = await mintIdToken(ctx, { userId: subject.userId, clientId: subject.clientId, scope: subject.scope, nonce: options.nonce, accessToken });
    if (idToken !== undefined) response.id_token = idToken;
  }
  if (hasScope(grantScope, "offline_access")) {
    response.refresh_token = issueRefreshToken(ctx, {
      session_id: subject.sessionId,
      client_id: subject.clientId,
      scope: grantScope,
      resource: subject.resource,
      family: options.family,
    });
  }
  if (options.includeScope === true) response.scope = subject.scope;
  return response;
}
