import express, { type Router } from "express";
import type { OAuthRuntime } from "../oauth/oauth-runtime.js";
import { consentDecision } from "./consent-decision.js";
import { showCurrentStep } from "./current-step.js";
import { loginErrorHandler } from "./login-error-handler.js";
import { restartSignIn, sendMagicCode, verifyMagicCode } from "./magic-code.js";
import { chooseOrganization } from "./organization-choice.js";
import { passwordSignIn } from "./password-sign-in.js";
import { loadPending } from "./pending-request.js";
import { ssoSignIn } from "./sso-sign-in.js";

export { startSignIn } from "./start-sign-in.js";

/**
 * The hosted login (`/login/...`): server-rendered forms, post/redirect/get between steps.
 * Mounted by `createOAuthRouter`; `/oauth2/authorize` sends the browser here.
 */
export function createLoginRouter(runtime: OAuthRuntime): Router {
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
