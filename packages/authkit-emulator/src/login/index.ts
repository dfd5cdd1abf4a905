import express, { type Router } from "express";
import type { AuthorizationHandoff, HostedLogin } from "../oauth/hosted-login.js";
import { createLoginRuntime, type LoginRuntime } from "./login-runtime.js";
import { consentDecision } from "./consent-decision.js";
import { showCurrentStep } from "./current-step.js";
import { loginErrorHandler } from "./login-error-handler.js";
import { restartSignIn, sendMagicCode, verifyMagicCode } from "./magic-code.js";
import { chooseOrganization } from "./organization-choice.js";
import { passwordSignIn } from "./password-sign-in.js";
import { loadPending } from "./pending-request.js";
import { errorPage } from "./pages/error-page.js";
import { sendHtml } from "./send-html.js";
import { ssoSignIn } from "./sso-sign-in.js";
import { startSignIn } from "./start-sign-in.js";

/**
 * The hosted login, given to `createOAuthRouter` as its `HostedLogin` factory: `/oauth2/authorize`
 * hands validated requests to `start`, and the login hands finished sign-ins back through the
 * `AuthorizationHandoff`.
 *
 * @example
 * app.use(createOAuthRouter(ctx, createHostedLogin));
 */
export function createHostedLogin(handoff: AuthorizationHandoff): HostedLogin {
  const runtime = createLoginRuntime(handoff);
  return {
    router: createLoginRouter(runtime),
    start: (req, res, request) => startSignIn(runtime, req, res, request),
    showError: (res, status, error) => sendHtml(res, status, errorPage(error)),
  };
}

/** The hosted login's routes (`/login/...`): server-rendered forms, post/redirect/get between steps. */
function createLoginRouter(runtime: LoginRuntime): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: "8kb" });
  router.get("/login", (req, res) => {
    const pending = loadPending(runtime, req, res);
    if (pending) showCurrentStep(runtime, pending, res);
  });
  router.post("/login/password", form, passwordSignIn(runtime));
  router.post("/login/magic-code", form, sendMagicCode(runtime));
  router.post("/login/magic-code/verify", form, verifyMagicCode(runtime));
  router.post("/login/restart", form, restartSignIn(runtime));
  router.post("/login/sso", form, ssoSignIn(runtime));
  router.post("/login/organization", form, chooseOrganization(runtime));
  router.post("/login/consent", form, consentDecision(runtime));
  // Only /login: this router is mounted at the root, so errors from /oauth2 also pass through it.
  router.use("/login", loginErrorHandler());
  return router;
}
