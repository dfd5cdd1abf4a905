import type { WorkOS } from "@workos-inc/node";
import { toWorkOSApiError } from "./api-error.js";
import { CoalescingCache } from "./coalescing-cache.js";

/** The caller's role and permissions in one organization, as the WorkOS API reports them. */
export interface ResolvedMembership {
  /** Role slugs, primary first; empty when the user is not an active member. */
  roles: string[];
  permissions: string[];
}

export type MembershipResolver = (userId: string, organizationId: string) => Promise<ResolvedMembership>;

/**
 * AuthKit's MCP access tokens carry `org_id` but no role unless a JWT template adds one, so the
 * access helpers ask the API: the user's active membership gives the role slugs, the
 * organization's roles give their permissions. Both are cached (roles per organization, since
 * every member shares them).
 */
export function createMembershipResolver(client: WorkOS, options: { ttlMs: number; maxEntries: number }): MembershipResolver {
  const memberships = new CoalescingCache<string[]>(options);
  const rolePermissions = new CoalescingCache<Map<string, string[]>>(options);

  const loadRoles = (userId: string, organizationId: string) =>
    memberships.get(`${organizationId}:${userId}`, async () => {
      try {
        const page = await client.userManagement.listOrganizationMemberships({
          userId,
          organizationId,
          statuses: ["active"],
        });
        return page.data.flatMap((m) => [m.role?.slug, ...(m.roles ?? []).map((r) => r.slug)]).filter(isSlug);
      } catch (error) {
        throw toWorkOSApiError("look up the caller's organization membership", error);
      }
    });

  const loadPermissions = (organizationId: string) =>
    rolePermissions.get(organizationId, async () => {
      try {
        const list = await client.authorization.listOrganizationRoles(organizationId);
        return new Map(list.data.map((role) => [role.slug, role.permissions ?? []]));
      } catch (error) {
        throw toWorkOSApiError("look up the organization's roles", error);
      }
    });

  return async (userId, organizationId) => {
    const roles = [...new Set(await loadRoles(userId, organizationId))];
    if (roles.length === 0) return { roles, permissions: [] };
    const byRole = await loadPermissions(organizationId);
    return { roles, permissions: [...new Set(roles.flatMap((slug) => byRole.get(slug) ?? []))] };
  };
}

function isSlug(value: string | undefined): value is string {
  return typeof value === "string" && value !== "";
}
