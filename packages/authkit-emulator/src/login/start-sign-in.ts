import type { Request, Response } from "express";
import { isCrossSiteRequest } from "../http/cross-site-request.js";
import type { AuthorizationRequest } from "../oauth/hosted-login.js";
import type { LoginRuntime } from "./login-runtime.js";
import { redirectToCurrentStep, signingInBrowser } from "./pending-request.js";
import { activeMemberships } from "../store/memberships.js";
import { findUserByEmail } from "../store/users.js";

/**
 * Hands a validated authorization request to the hosted login. With `autoLogin` set the UI is
 * skipped for automated runs: that user, their first organization, consent granted, but only
 * towards a native-app redirect (loopback or private-use scheme). Any web page can register a
 * client with its own https redirect URI, so skipping the page there would hand it a token.
 * Nor for a request a web page of another site started (`Sec-Fetch-Site: cross-site` or
 * `same-site`, or a foreign `Origin`): an `<img>` must not sign the developer in (login CSRF,
 * RFC 9700 §4.11.2 and §4.7), only an app opening the browser (`none`) or a tool sending neither.
 *
 * @example
 * startSignIn(runtime, req, res, request);
 */
export function startSignIn(runtime: LoginRuntime, req: Request, res: Response, request: AuthorizationRequest): void {
  const { ctx } = runtime;
  if (ctx.autoLogin && runtime.handoff.isNativeApp(request) && !isCrossSiteRequest(req.headers, ctx.servedHosts)) {
    const user = findUserByEmail(ctx, ctx.autoLogin);
    if (user) {
      const organizationId = activeMemberships(ctx, user.id)[0]?.organization_id ?? null;
      // No credential was presented: the session's auth_method says so.
      res.redirect(302, runtime.handoff.complete(request, { userId: user.id, organizationId, authMethod: "unknown", ...signingInBrowser(req) }));
      return;
    }
    ctx.logger.warn(`autoLogin user ${ctx.autoLogin} does not exist; showing the login page instead.`);
  }
  const pending = runtime.pending.create(request, runtime.bindings.ensure(req, res));
  redirectToCurrentStep(res, pending);
}
