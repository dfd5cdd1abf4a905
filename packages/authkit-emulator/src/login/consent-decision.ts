import type { RequestHandler } from "express";
import type { LoginRuntime } from "./login-runtime.js";
import { showCurrentStep } from "./current-step.js";
import { confirmOrganization } from "./identification.js";
import { formField, loadPending, signingInBrowser } from "./pending-request.js";

/** POST /login/consent: "allow" issues the code, "deny" returns access_denied to the client. */
export function consentDecision(runtime: LoginRuntime): RequestHandler {
  return (req, res) => {
    const pending = loadPending(runtime, req, res);
    if (!pending) return;
    const confirmed = confirmOrganization(runtime.ctx, pending);
    const { identity } = pending;
    const decision = formField(req, "decision");
    if (!confirmed || !identity || identity.organizationId === undefined || (decision !== "allow" && decision !== "deny")) {
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
