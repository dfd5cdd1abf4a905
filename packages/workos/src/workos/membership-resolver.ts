import type { WorkOS } from "@workos-inc/node";
import { createCachedLookup, type LookupDependencies } from "./cached-lookup.js";

/** The caller's role and permissions in one organization, as the WorkOS API reports them. */
export interface ResolvedMembership {
  /** Role slugs, primary first; empty when the user is not an active member. */
  roles: string[];
  permissions: string[];
}

export type MembershipResolver = (userId: string, organizationId: string) => Promise<ResolvedMembership>;

/** Role slug → permissions, as pairs: JSON-safe for the shared store, whatever the slugs are. */
type RolePermissions = [slug: string, permissions: string[]][];

/**
 * AuthKit's MCP access tokens carry `org_id` but no role unless a JWT template adds one, so the
 * access helpers ask the API: the user's active membership gives the role slugs, the
 * organization's roles give their permissions. Both are cached (roles per organization, since
 * every member shares them), in process and in the shared store when there is one.
 */
export function createMembershipResolver(
  client: WorkOS,
  deps: LookupDependencies,
  options: { ttlMs: number; maxEntries: number },
): MembershipResolver {
  const loadRoles = createCachedLookup<string[]>(deps, {
    kind: "membership",
    method: "userManagement.listOrganizationMemberships",
    action: "look up the caller's organization membership",
    ...options,
    idsOf: (key) => JSON.parse(key) as [organizationId: string, userId: string],
    fetch: async (key) => {
      const [organizationId, userId] = JSON.parse(key) as [string, string];
      const page = await client.userManagement.listOrganizationMemberships({ userId, organizationId, statuses: ["active"] });
      return page.data.flatMap((m) => [m.role?.slug, ...(m.roles ?? []).map((r) => r.slug)]).filter(isSlug);
    },
    isValue: (value): value is string[] => isStringArray(value),
  });

  const loadPermissions = createCachedLookup<RolePermissions>(deps, {
    kind: "roles",
    method: "authorization.listOrganizationRoles",
    action: "look up the organization's roles",
    ...options,
    fetch: async (organizationId) => {
      const list = await client.authorization.listOrganizationRoles(organizationId);
      return list.data.map((role) => [role.slug, role.permissions ?? []]);
    },
    isValue: (value): value is RolePermissions =>
      Array.isArray(value) && value.every((pair) => Array.isArray(pair) && pair.length === 2 && isSlug(pair[0]) && isStringArray(pair[1])),
  });

  return async (userId, organizationId) => {
    // A JSON pair, so no id can run into the other whatever characters it holds.
    const roles = [...new Set(await loadRoles(JSON.stringify([organizationId, userId])))];
    if (roles.length === 0) return { roles, permissions: [] };
    const byRole = new Map(await loadPermissions(organizationId));
    return { roles, permissions: [...new Set(roles.flatMap((slug) => byRole.get(slug) ?? []))] };
  };
}

function isSlug(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}
