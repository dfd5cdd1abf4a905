import type { RequestHandler } from "express";
import { OAuthError } from "./oauth-error.js";
import type { OAuthRuntime } from "./oauth-runtime.js";
import { scopedUserClaims } from "./user-claims.js";
import { bearerToken, verifyAccessToken } from "./verify-access-token.js";
import { findUser } from "../store/users.js";

/**
 * GET|POST /oauth2/userinfo (OIDC Core §5.3): `sub` and the claims the token's scope releases.
 * Some MCP servers (e.g. FastMCP's AuthKit verifier) validate tokens by calling this.
 */
export function userinfoEndpoint(runtime: OAuthRuntime): RequestHandler {
  return async (req, res) => {
    const claims = await verifyAccessToken(runtime, bearerToken(req.headers.authorization));
    const user = findUser(runtime.ctx, claims.sub);
    if (!user) throw new OAuthError("invalid_token", "The access token's user no longer exists.");
    // "Which claims are returned depends on the scopes originally granted" (AuthKit's userinfo reference).
    res.set("Cache-Control", "no-store").json({ sub: user.id, ...scopedUserClaims(user, claims.scope) });
  };
}
