import { activeMemberships } from "../store/memberships.js";
import type { SignInMethod } from "../oauth/hosted-login.js";
import type { StoreContext } from "../store/store-context.js";
import type { IdentityChallenge, PendingAuthorization } from "./pending-authorizations.js";

/**
 * Starting an identification (a password, a magic-code request, "use a different email") ends
 * whatever earlier steps established: their challenge and their signed-in identity. A later
 * step can then only complete the identification it belongs to, never another identity's.
 *
 * @example
 * beginIdentification(pending, { kind: "sso", email, connectionId: connection.id });
 */
export function beginIdentification(pending: PendingAuthorization, challenge?: IdentityChallenge): void {
  pending.identity = undefined;
  pending.challenge = challenge;
}

/**
 * The organization decided without asking: `sso` fixes it to the connection's organization; one
 * active membership picks itself; none means no organization; several leave it to the picker.
 */
function organizationWithoutChoice(ctx: StoreContext, userId: string): string | null | undefined {
  const memberships = activeMemberships(ctx, userId);
  return memberships.length <= 1 ? (memberships[0]?.organization_id ?? null) : undefined;
}

/**
 * Records the user a step authenticated as a fresh identity: nothing chosen for an earlier
 * identity (an organization) carries over.
 *
 * @example
 * completeIdentification(ctx, pending, { userId: user.id, authMethod: "password" });
 */
export function completeIdentification(
  ctx: StoreContext,
  pending: PendingAuthorization,
  signedIn: { userId: string; authMethod: SignInMethod; ssoOrganizationId?: string },
): void {
  const { userId, authMethod, ssoOrganizationId } = signedIn;
  pending.challenge = undefined;
  pending.identity = { userId, authMethod, organizationId: ssoOrganizationId ?? organizationWithoutChoice(ctx, userId) };
}

/**
 * Whether the identity's organization is still one of the user's active memberships (or the
 * identity has none): `confirmed`. Otherwise a password or magic-code identity goes back to an
 * undecided organization and the user must look again (`undecided`), so a token never names an
 * organization the user does not belong to (a membership may end while the consent page is
 * open). An SSO identity is bound to its connection's organization and is never moved to another
 * of the user's: it ends (`refused`), as a new SSO sign-in there would be refused.
 */
export function confirmOrganization(ctx: StoreContext, pending: PendingAuthorization): "confirmed" | "undecided" | "refused" {
  const { identity } = pending;
  if (!identity || typeof identity.organizationId !== "string") return "confirmed";
  const organizationId = identity.organizationId;
  if (activeMemberships(ctx, identity.userId).some((membership) => membership.organization_id === organizationId)) return "confirmed";
  if (identity.authMethod === "sso") {
    beginIdentification(pending);
    return "refused";
  }
  pending.identity = { ...identity, organizationId: organizationWithoutChoice(ctx, identity.userId) };
  return "undecided";
}
