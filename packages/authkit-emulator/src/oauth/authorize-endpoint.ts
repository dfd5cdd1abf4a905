import type { RequestHandler } from "express";
import { isCrossSiteRequest } from "../http/cross-site-request.js";
import { buildRedirect, parseAuthorizationRequest, resolveAuthorizationTarget, type AuthorizationTarget } from "./authorization-request.js";
import { OAuthError } from "./oauth-error.js";
import type { HostedLogin } from "./hosted-login.js";
import type { OAuthRuntime } from "./oauth-runtime.js";
import { isNativeAppRedirect } from "./redirect-uri-policy.js";

/**
 * GET /oauth2/authorize (RFC 6749 §4.1.1 with PKCE, RFC 7636, and RFC 8707 resource).
 * An unknown client or an unregistered redirect URI is shown on a page and never redirected
 * (RFC 6749 §4.1.2.1), otherwise an open redirector. Later errors go back to the client only
 * when its redirect URI is a native app's: any web page can register an https redirect URI, and
 * RFC 9700 §4.11.2 warns against redirecting to such a client before the user saw anything.
 */
export function authorizeEndpoint(runtime: OAuthRuntime, login: HostedLogin): RequestHandler {
  return async (req, res) => {
    const query = req.query as Record<string, unknown>;
    let target: AuthorizationTarget;
    try {
      // An <img> on any page can send this GET: it must not make the emulator fetch a local URL.
      const crossSite = isCrossSiteRequest(req.headers, runtime.ctx.servedHosts);
      target = await resolveAuthorizationTarget(query, runtime.clients, { crossSite });
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      login.showError(res, 400, { title: "This sign-in link is not valid", code: error.code, description: error.description });
      return;
    }
    try {
      login.start(req, res, parseAuthorizationRequest(query, target));
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      if (isNativeAppRedirect(target.redirectUri)) {
        res.redirect(302, buildRedirect(target, { error: error.code, error_description: error.description }));
        return;
      }
      login.showError(res, 400, { title: "This sign-in request is not valid", code: error.code, description: error.description });
    }
  };
}
