import type { RequestHandler } from "express";
import type { OAuthRuntime } from "../oauth/oauth-runtime.js";
import { markSignedIn, showCurrentStep } from "./current-step.js";
import { loadPending, redirectToCurrentStep } from "./pending-request.js";
import { errorPage } from "./pages/error-page.js";
import { sendHtml } from "./send-html.js";
import { findUserByEmail } from "./user-directory.js";

/**
 * POST /login/sso: the simulated identity provider asserts the email typed on the sign-in page.
 * The session's organization is the connection's, as with a real SSO sign-in.
 */
export function ssoSignIn(runtime: OAuthRuntime): RequestHandler {
  return (req, res) => {
    const pending = loadPending(runtime, req, res);
    if (!pending) return;
    const { state } = runtime.ctx;
    const connection = state.connections.find((candidate) => candidate.id === pending.ssoConnectionId);
    if (!connection || !pending.email) {
      showCurrentStep(runtime, pending, res);
      return;
    }
    const user = findUserByEmail(state, pending.email);
    if (!user) {
      const description = `The identity provider knows ${pending.email}, but the emulator has no such user. Add the user with the admin API or the seed.`;
      sendHtml(res, 404, errorPage({ title: "Unknown user", description }));
      return;
    }
    pending.ssoConnectionId = undefined;
    markSignedIn(runtime, pending, user.id, connection.organization_id);
    redirectToCurrentStep(res, pending);
  };
}
