import type { RequestHandler } from "express";
import { exchangeAuthorizationCode } from "./authorization-code-grant.js";
import { authenticateClient } from "./client-authentication.js";
import { OAuthError } from "./oauth-error.js";
import type { OAuthRuntime } from "./oauth-runtime.js";
import { refreshAccessToken } from "./refresh-token-grant.js";
import { requiredParam } from "./request-params.js";

/** POST /oauth2/token (RFC 6749 §3.2): authenticates the client, then runs the grant. */
export function tokenEndpoint(runtime: OAuthRuntime): RequestHandler {
  return async (req, res) => {
    const grantType = requiredParam(req.body, "grant_type");
    if (grantType !== "authorization_code" && grantType !== "refresh_token") {
      throw new OAuthError("unsupported_grant_type", `grant_type "${grantType}" is not supported.`);
    }
    const client = await authenticateClient(req, runtime.clients, runtime.ctx.servedHosts);
    // A refresh token comes with any code exchange that asked for offline_access, whatever grant
    // types the client registered, so any code-flow client may use one.
    const registered = grantType === "refresh_token" ? ["authorization_code", "refresh_token"] : ["authorization_code"];
    if (!registered.some((grant) => client.grant_types.includes(grant))) {
      throw new OAuthError("unauthorized_client", `This client is not registered for the ${grantType} grant.`);
    }
    const response =
      grantType === "authorization_code"
        ? await exchangeAuthorizationCode(runtime, req, client)
        : await refreshAccessToken(runtime, req, client);
    // RFC 6749 §5.1: token responses must not be cached.
    res.set({ "Cache-Control": "no-store", Pragma: "no-cache" }).json(response);
  };
}
