import type { EmulatorState } from "../store/types.js";

/** The optional claims a JWT template adds for the organization the user signed in to. */
export interface OrganizationClaims {
  role?: string;
  roles?: string[];
  permissions?: string[];
  entitlements?: string[];
}

/**
 * Builds `role`, `roles`, `permissions` and `entitlements` as AuthKit does when the JWT template
 * asks for them: from the user's active membership in the organization, the roles' permissions,
 * and the organization's `entitlements` metadata (comma-separated).
 *
 * @example
 * const claims = organizationClaims(ctx.state, "user_01ALICE...", "org_01ACME...");
 */
export function organizationClaims(state: EmulatorState, userId: string, organizationId: string | null): OrganizationClaims {
  if (!organizationId) return {};
  const template = state.jwtTemplate;
  const membership = state.memberships.find(
    (candidate) => candidate.user_id === userId && candidate.organization_id === organizationId && candidate.status === "active",
  );
  const organization = state.organizations.find((candidate) => candidate.id === organizationId);
  const roleSlugs = membership ? (membership.roles?.map((role) => role.slug) ?? [membership.role.slug]) : [];
  const claims: OrganizationClaims = {};
  if (template.role && membership) claims.role = membership.role.slug;
  if (template.roles) claims.roles = roleSlugs;
  if (template.permissions) {
    const permissions = state.roles.filter((role) => roleSlugs.includes(role.slug)).flatMap((role) => role.permissions);
    claims.permissions = [...new Set(permissions)];
  }
  if (template.entitlements) {
    const raw = organization?.metadata.entitlements ?? "";
    claims.entitlements = raw.split(",").map((item) => item.trim()).filter(Boolean);
  }
  return claims;
}
