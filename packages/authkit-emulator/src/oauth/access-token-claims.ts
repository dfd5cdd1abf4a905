import { membershipOf, roleSlugsOf } from "../store/memberships.js";
import { findOrganization } from "../store/organizations.js";
import { permissionsOf } from "../store/roles.js";
import type { StoreContext } from "../store/store-context.js";

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
 * const claims = organizationClaims(ctx, "user_01ALICE...", "org_01ACME...");
 */
export function organizationClaims(ctx: StoreContext, userId: string, organizationId: string | null): OrganizationClaims {
  if (!organizationId) return {};
  const template = ctx.state.jwtTemplate;
  const found = membershipOf(ctx, userId, organizationId);
  const membership = found?.status === "active" ? found : undefined;
  const organization = findOrganization(ctx, organizationId);
  const roleSlugs = membership ? roleSlugsOf(membership) : [];
  const claims: OrganizationClaims = {};
  if (template.role && membership) claims.role = membership.role.slug;
  if (template.roles) claims.roles = roleSlugs;
  if (template.permissions) {
    claims.permissions = permissionsOf(ctx, roleSlugs);
  }
  if (template.entitlements) {
    const raw = organization?.metadata.entitlements ?? "";
    claims.entitlements = raw.split(",").map((item) => item.trim()).filter(Boolean);
  }
  return claims;
}
