import type { RequestHandler } from "express";
import { OAuthError } from "./oauth-error.js";
import type { OAuthRuntime } from "./oauth-runtime.js";
import { bearerToken, verifyAccessToken } from "./verify-access-token.js";

/**
 * GET|POST /oauth2/userinfo (OIDC Core §5.3): the signed-in user's standard claims.
 * Some MCP servers (e.g. FastMCP's AuthKit verifier) validate tokens by calling this.
 */
export function userinfoEndpoint(runtime: OAuthRuntime): RequestHandler {
  return async (req, res) => {
    const claims = await verifyAccessToken(runtime, bearerToken(req.headers.authorization));
    const user = runtime.ctx.state.users.find((candidate) => candidate.id === claims.sub);
    if (!user) throw new OAuthError("invalid_token", "The access token's user no longer exists.");
    const name = [user.first_name, user.last_name].filter(Boolean).join(" ");
    res.set("Cache-Control", "no-store").json({
      sub: user.id,
      email: user.email,
      email_verified: user.email_verified,
      ...(name ? { name } : {}),
      ...(user.first_name ? { given_name: user.first_name } : {}),
      ...(user.last_name ? { family_name: user.last_name } : {}),
      ...(user.profile_picture_url ? { picture: user.profile_picture_url } : {}),
    });
  };
}
