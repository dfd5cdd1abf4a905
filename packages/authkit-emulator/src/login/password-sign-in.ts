import type { RequestHandler } from "express";
import { constantTimeEqual } from "../http/constant-time-equal.js";
import type { LoginRuntime } from "./login-runtime.js";
import { beginIdentification, completeIdentification } from "./identification.js";
import { formField, loadPending, redirectToCurrentStep } from "./pending-request.js";
import { showSignInPage } from "./show-sign-in-page.js";
import { ssoConnectionForEmail } from "../store/connections.js";
import { findUserByEmail } from "../store/users.js";

/** POST /login/password: email + password, or on to the identity provider for an SSO domain. */
export function passwordSignIn(runtime: LoginRuntime): RequestHandler {
  return (req, res) => {
    const pending = loadPending(runtime, req, res);
    if (!pending) return;
    const { ctx } = runtime;
    const email = formField(req, "email").trim();
    const connection = ssoConnectionForEmail(ctx, email);
    if (connection) {
      beginIdentification(pending, { kind: "sso", email: email.toLowerCase(), connectionId: connection.id });
      redirectToCurrentStep(res, pending);
      return;
    }
    beginIdentification(pending);
    const user = findUserByEmail(ctx, email);
    if (!user || user.password === undefined || !constantTimeEqual(formField(req, "password"), user.password)) {
      showSignInPage(runtime, pending, res, 401, { email, error: "Incorrect email or password." });
      return;
    }
    completeIdentification(ctx, pending, { userId: user.id, authMethod: "password" });
    redirectToCurrentStep(res, pending);
  };
}
