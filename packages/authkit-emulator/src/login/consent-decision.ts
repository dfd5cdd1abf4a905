import type { RequestHandler } from "express";
import type { LoginRuntime } from "./login-runtime.js";
import { showCurrentStep } from "./current-step.js";
import { confirmOrganization } from "./identification.js";
import { formField, loadPending, signingInBrowser } from "./pending-request.js";
import { errorPage } from "./pages/error-page.js";
import { sendHtml } from "./send-html.js";

/** POST /login/consent: "allow" issues the code, "deny" returns access_denied to the client. */
export function consentDecision(runtime: LoginRuntime): RequestHandler {
  return (req, res) => {
    const pending = loadPending(runtime, req, res);
    if (!pending) return;
    const confirmed = confirmOrganization(runtime.ctx, pending);
    if (confirmed === "refused") {
      const description = "The membership of the organization this SSO sign-in is for ended while the consent page was open. Sign in again.";
      sendHtml(res, 403, errorPage({ title: "Membership inactive", code: "access_denied", description }));
      return;
    }
    const { identity } = pending;
    const decision = formField(req, "decision");
    if (confirmed !== "confirmed" || !identity || identity.organizationId === undefined || (decision !== "allow" && decision !== "deny")) {
      showCurrentStep(runtime, pending, res);
      return;
    }
    runtime.pending.finish(pending.id);
    const target =
      decision === "allow"
        ? runtime.handoff.complete(pending.request, {
            userId: identity.userId,
            organizationId: identity.organizationId,
            authMethod: identity.authMethod,
            ...signingInBrowser(req),
          })
        : runtime.handoff.deny(pending.request);
    res.redirect(303, target);
  };
}
