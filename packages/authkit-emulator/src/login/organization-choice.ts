import type { RequestHandler } from "express";
import type { LoginRuntime } from "./login-runtime.js";
import { showCurrentStep } from "./current-step.js";
import { formField, loadPending, redirectToCurrentStep } from "./pending-request.js";
import { activeMemberships } from "../store/memberships.js";

/**
 * POST /login/organization: only an organization the signed-in user is an active member of is
 * accepted, and only when the sign-in left the choice open. An SSO sign-in is to its connection's
 * organization (that organization's identity provider vouched for the user, nobody else's), so its
 * organization is not the user's to change afterwards, as the picker never offers it.
 */
export function chooseOrganization(runtime: LoginRuntime): RequestHandler {
  return (req, res) => {
    const pending = loadPending(runtime, req, res);
    if (!pending) return;
    const { identity } = pending;
    const chosen = formField(req, "organization_id");
    const member = identity && activeMemberships(runtime.ctx, identity.userId).some((membership) => membership.organization_id === chosen);
    if (!identity || identity.authMethod === "sso" || !member) {
      showCurrentStep(runtime, pending, res);
      return;
    }
    identity.organizationId = chosen;
    redirectToCurrentStep(res, pending);
  };
}
