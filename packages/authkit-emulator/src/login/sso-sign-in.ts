import type { RequestHandler } from "express";
import type { LoginRuntime } from "./login-runtime.js";
import { addMembership, DEFAULT_ROLE_SLUG, membershipOf } from "../store/memberships.js";
import { showCurrentStep } from "./current-step.js";
import { completeIdentification } from "./identification.js";
import { loadPending, redirectToCurrentStep } from "./pending-request.js";
import { errorPage } from "./pages/error-page.js";
import { sendHtml } from "./send-html.js";
import { ssoConnectionForEmail } from "../store/connections.js";
import { findUserByEmail } from "../store/users.js";

/**
 * POST /login/sso: the simulated identity provider asserts the email its SSO challenge was
 * started for, and nothing else. The session's organization is the connection's: a user who is
 * not a member yet becomes one with the default role (WorkOS just-in-time provisioning); one whose
 * membership there was deactivated is refused.
 */
export function ssoSignIn(runtime: LoginRuntime): RequestHandler {
  return (req, res) => {
    const pending = loadPending(runtime, req, res);
    if (!pending) return;
    const { ctx } = runtime;
    const { challenge } = pending;
    // The connection must still be the one that covers the email (it may have been deactivated).
    const connection = challenge?.kind === "sso" ? ssoConnectionForEmail(ctx, challenge.email) : undefined;
    if (challenge?.kind !== "sso" || connection?.id !== challenge.connectionId) {
      pending.challenge = undefined;
      showCurrentStep(runtime, pending, res);
      return;
    }
    const user = findUserByEmail(ctx, challenge.email);
    if (!user) {
      const description = `The identity provider knows ${challenge.email}, but the emulator has no such user. Add the user with the admin API or the seed.`;
      sendHtml(res, 404, errorPage({ title: "Unknown user", description }));
      return;
    }
    const organizationId = connection.organization_id;
    const membership = membershipOf(ctx, user.id, organizationId);
    if (membership && membership.status !== "active") {
      const description = `${user.email} is not an active member of the organization this connection signs in to.`;
      sendHtml(res, 403, errorPage({ title: "Membership inactive", code: "access_denied", description }));
      return;
    }
    if (!membership) {
      addMembership(ctx, { userId: user.id, organizationId, roleSlug: DEFAULT_ROLE_SLUG });
      ctx.logger.info(`Provisioned ${user.email} as a member of ${organizationId} through SSO.`);
    }
    completeIdentification(ctx, pending, { userId: user.id, authMethod: "sso", ssoOrganizationId: organizationId });
    redirectToCurrentStep(res, pending);
  };
}
