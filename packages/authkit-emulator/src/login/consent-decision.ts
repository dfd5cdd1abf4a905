import type { RequestHandler } from "express";
import { completeAuthorization, denyAuthorization } from "../oauth/authorization-completion.js";
import type { OAuthRuntime } from "../oauth/oauth-runtime.js";
import { showCurrentStep } from "./current-step.js";
import { formField, loadPending } from "./pending-request.js";

/** POST /login/consent: "allow" issues the code, "deny" returns access_denied to the client. */
export function consentDecision(runtime: OAuthRuntime): RequestHandler {
  return (req, res) => {
    const pending = loadPending(runtime, req, res);
    if (!pending) return;
    const decision = formField(req, "decision");
    if (!pending.userId || pending.organizationId === undefined || (decision !== "allow" && decision !== "deny")) {
      showCurrentStep(runtime, pending, res);
      return;
    }
    runtime.pending.finish(pending.id);
    const target =
      decision === "allow"
        ? completeAuthorization(runtime, pending.request, { userId: pending.userId, organizationId: pending.organizationId })
        : denyAuthorization(pending.request);
    res.redirect(303, target);
  };
}
