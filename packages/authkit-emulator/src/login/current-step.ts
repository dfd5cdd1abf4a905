import type { Response } from "express";
import type { LoginRuntime } from "./login-runtime.js";
import { findConnection } from "../store/connections.js";
import { activeMemberships } from "../store/memberships.js";
import { findOrganization } from "../store/organizations.js";
import { findUser } from "../store/users.js";
import type { PendingAuthorization } from "./pending-authorizations.js";
import { consentPage } from "./pages/consent-page.js";
import { magicCodePage } from "./pages/magic-code-page.js";
import { organizationPage } from "./pages/organization-page.js";
import { ssoPage } from "./pages/sso-page.js";
import { sendHtml } from "./send-html.js";
import { showSignInPage } from "./show-sign-in-page.js";

/**
 * Renders the page for where the sign-in stands: identify the user (password, magic code or
 * SSO), then pick an organization when there are several, then consent.
 */
export function showCurrentStep(runtime: LoginRuntime, pending: PendingAuthorization, res: Response): void {
  const { ctx } = runtime;
  const clientName = runtime.handoff.clientName(pending.request);
  const identity = pending.identity;
  const user = identity && findUser(ctx, identity.userId);
  if (!identity || !user) {
    const { challenge } = pending;
    const connection = challenge?.kind === "sso" ? findConnection(ctx, challenge.connectionId) : undefined;
    if (challenge?.kind === "sso" && connection) {
      const organization = findOrganization(ctx, connection.organization_id);
      sendHtml(res, 200, ssoPage({
        pendingId: pending.id,
        connectionName: connection.name,
        connectionType: connection.connection_type,
        organizationName: organization?.name ?? connection.organization_id,
        email: challenge.email,
      }));
    } else if (challenge?.kind === "magic-code") {
      sendHtml(res, 200, magicCodePage({ pendingId: pending.id, email: challenge.email }));
    } else {
      showSignInPage(runtime, pending, res, 200);
    }
    return;
  }
  if (identity.organizationId === undefined) {
    const organizations = activeMemberships(ctx, user.id).map((membership) => ({
      id: membership.organization_id,
      name: findOrganization(ctx, membership.organization_id)?.name ?? membership.organization_id,
      role: membership.role.slug,
    }));
    sendHtml(res, 200, organizationPage({ pendingId: pending.id, email: user.email, organizations }));
    return;
  }
  const organization = typeof identity.organizationId === "string" ? findOrganization(ctx, identity.organizationId) : undefined;
  sendHtml(res, 200, consentPage({
    pendingId: pending.id,
    clientName,
    clientId: pending.request.client.client_id,
    redirectUri: pending.request.redirectUri,
    email: user.email,
    organizationName: organization?.name ?? null,
    scopes: pending.request.scope.split(" ").filter(Boolean),
    resource: pending.request.resource,
  }));
}

