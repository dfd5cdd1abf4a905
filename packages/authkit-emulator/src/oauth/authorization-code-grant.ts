import { createHash } from "node:crypto";
import type { Request } from "express";
import { constantTimeEqual } from "../http/constant-time-equal.js";
import type { OAuthClientRecord } from "../store/types.js";
import { OAuthError } from "./oauth-error.js";
import type { OAuthRuntime } from "./oauth-runtime.js";
import { revokeGrant } from "./refresh-tokens.js";
import { optionalParam, requiredParam } from "./request-params.js";
import { issueTokenResponse, type TokenResponse } from "./token-response.js";
import { findSession } from "../store/sessions.js";

/** RFC 7636 §4.6: BASE64URL(SHA256(code_verifier)) must equal the stored challenge. */
function pkceMatches(verifier: string, challenge: string): boolean {
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) return false;
  return constantTimeEqual(createHash("sha256").update(verifier).digest("base64url"), challenge);
}

/**
 * grant_type=authorization_code. A code works once: a second presentation is treated as theft
 * and revokes what the first exchange issued (RFC 6749 §4.1.2, RFC 9700 §4.5.3.1).
 */
export async function exchangeAuthorizationCode(runtime: OAuthRuntime, req: Request, client: OAuthClientRecord): Promise<TokenResponse> {
  const { ctx } = runtime;
  const grant = runtime.codes.find(requiredParam(req.body, "code"));
  if (!grant || grant.clientId !== client.client_id) throw new OAuthError("invalid_grant", "The authorization code is invalid.");
  if (grant.used) {
    revokeGrant(ctx, grant);
    ctx.logger.warn(`Authorization code replayed by ${client.client_id}; the grant's tokens were revoked.`);
    throw new OAuthError("invalid_grant", "The authorization code has already been used.");
  }
  if (grant.expiresAt <= ctx.now()) throw new OAuthError("invalid_grant", "The authorization code has expired.");
  // A failed check below fails this attempt only: whoever else learnt the code (it travels in a
  // URL) must not be able to burn it with a wrong verifier before the legitimate client uses it.
  if (optionalParam(req.body, "redirect_uri") !== grant.redirectUri) {
    throw new OAuthError("invalid_grant", "redirect_uri does not match the authorization request.");
  }
  const verifier = optionalParam(req.body, "code_verifier");
  if (!verifier) throw new OAuthError("invalid_request", "code_verifier is required (PKCE).");
  if (!pkceMatches(verifier, grant.codeChallenge)) throw new OAuthError("invalid_grant", "PKCE verification failed.");
  const resource = optionalParam(req.body, "resource");
  if (resource !== undefined && resource !== grant.resource) {
    throw new OAuthError("invalid_target", "resource does not match the authorization request.");
  }
  grant.used = true;
  const session = findSession(ctx, grant.sessionId);
  if (!session || session.revoked) throw new OAuthError("invalid_grant", "The session has ended.");
  return issueTokenResponse(
    ctx,
    {
      userId: grant.userId,
      organizationId: grant.organizationId,
      sessionId: grant.sessionId,
      clientId: client.client_id,
      scope: grant.scope,
      resource: grant.resource,
    },
    { family: grant.family, nonce: grant.nonce, includeScope: !grant.scopeRequested },
  );
}
