import type { RequestHandler } from "express";
import type { OAuthRuntime } from "../oauth/oauth-runtime.js";
import { showCurrentStep } from "./current-step.js";
import { formField, loadPending, redirectToCurrentStep } from "./pending-request.js";
import { activeMemberships } from "./user-directory.js";

/** POST /login/organization: only an organization the user is an active member of is accepted. */
export function chooseOrganization(runtime: OAuthRuntime): RequestHandler {
  return (req, res) => {
    const pending = loadPending(runtime, req, res);
    if (!pending) return;
    const chosen = formField(req, "organization_id");
    const member = pending.userId && activeMemberships(runtime.ctx.state, pending.userId).some((membership) => membership.organization_id === chosen);
    if (!member) {
      showCurrentStep(runtime, pending, res);
      return;
    }
    pending.organizationId = chosen;
    redirectToCurrentStep(res, pending);
  };
}
