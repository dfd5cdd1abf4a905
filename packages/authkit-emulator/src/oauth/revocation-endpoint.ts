import type { RequestHandler } from "express";
import { authenticateClient } from "./client-authentication.js";
import type { OAuthRuntime } from "./oauth-runtime.js";
import { findRefreshToken, revokeGrant } from "./refresh-tokens.js";
import { optionalParam } from "./request-params.js";
import { verifyAccessToken } from "./verify-access-token.js";

/**
 * POST /oauth2/revoke (RFC 7009). Answers 200 whether or not the token was known or valid
 * (§2.2), so it reveals nothing; only a failed client authentication is an error (§2.2.1).
 * Revoking a refresh token ends its whole grant, access tokens included (§2.1 "SHOULD").
 */
export function revocationEndpoint(runtime: OAuthRuntime): RequestHandler {
  return async (req, res) => {
    const client = await authenticateClient(req, runtime.clients);
    const token = optionalParam(req.body, "token");
    if (token) {
      const refresh = findRefreshToken(runtime.ctx, token);
      if (refresh && refresh.client_id === client.client_id) {
        revokeGrant(runtime.ctx, { family: refresh.family, sessionId: refresh.session_id });
      } else if (!refresh) {
        await revokeAccessToken(runtime, token, client.client_id);
      }
    }
    res.status(200).end();
  };
}

async function revokeAccessToken(runtime: OAuthRuntime, token: string, clientId: string): Promise<void> {
  try {
    const claims = await verifyAccessToken(runtime, token);
    if (claims.client_id === clientId) runtime.revokedAccessTokens.set(claims.jti, claims.exp);
  } catch {
    // RFC 7009 §2.2: invalid tokens do not cause an error response.
    return;
  }
  const now = runtime.ctx.now();
  for (const [jti, exp] of runtime.revokedAccessTokens) if (exp < now) runtime.revokedAccessTokens.delete(jti);
}
