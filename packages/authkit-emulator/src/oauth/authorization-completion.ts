import { AUTHORIZATION_CODE_TTL_SECONDS } from "./authorization-codes.js";
import { buildRedirect, type AuthorizationRequest } from "./authorization-request.js";
import { newId } from "../store/ids.js";
import type { OAuthRuntime } from "./oauth-runtime.js";
import { openSession } from "../store/sessions.js";
import { recordSignIn } from "../store/users.js";

/** How the user proved who they are, in the API's session `auth_method` words. */
export type SignInMethod = "password" | "magic_code" | "sso" | "unknown";

export interface SignedInUser {
  userId: string;
  organizationId: string | null;
  /** Recorded on the session; `listSessions` reports it. */
  authMethod: SignInMethod;
  /** The browser that signed in, as `listSessions` reports it; null when no browser was involved. */
  ipAddress: string | null;
  userAgent: string | null;
}

/**
 * Ends a successful sign-in: opens a session (the `sid` of every token of this grant), records
 * the sign-in on the user, and returns the redirect carrying a single-use code bound to the
 * client, redirect URI, PKCE challenge, resource, scope, user, organization and session.
 *
 * @example
 * res.redirect(303, completeAuthorization(runtime, pending.request, { userId, organizationId, authMethod: "password", ipAddress, userAgent }));
 */
export function completeAuthorization(runtime: OAuthRuntime, request: AuthorizationRequest, user: SignedInUser): string {
  const { ctx } = runtime;
  const session = openSession(ctx, {
    id: newId("session"),
    user_id: user.userId,
    organization_id: user.organizationId,
    client_id: request.client.client_id,
    auth_method: user.authMethod,
    ip_address: user.ipAddress,
    user_agent: user.userAgent,
  });
  recordSignIn(ctx, user.userId, session.created_at);
  const code = runtime.codes.issue({
    clientId: request.client.client_id,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    resource: request.resource,
    scope: request.scope,
    scopeRequested: request.scopeRequested,
    nonce: request.nonce,
    userId: user.userId,
    organizationId: user.organizationId,
    sessionId: session.id,
    family: newId("family"),
    expiresAt: ctx.now() + AUTHORIZATION_CODE_TTL_SECONDS,
    used: false,
  });
  return buildRedirect(request, { code });
}

/** RFC 6749 §4.1.2.1 `access_denied` when the user declines consent. */
export function denyAuthorization(request: AuthorizationRequest): string {
  return buildRedirect(request, { error: "access_denied", error_description: "The user denied the request." });
}
