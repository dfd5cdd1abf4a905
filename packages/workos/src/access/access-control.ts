import { AccessDeniedError } from "../errors.js";
import { requireRequestContext } from "../session/get-session.js";
import type { RequestContext } from "../session/request-context.js";

/**
 * Role and permission checks for tools. Token claims are used when present; when the token names
 * an organization but carries no role (AuthKit's default MCP token), the membership is resolved
 * through the WorkOS API before deciding, so the answer is the same with or without a JWT template.
 */
async function grants(context: RequestContext): Promise<{ roles: string[]; permissions: string[] }> {
  const { session } = context;
  const tokenRoles = [session.role, ...(session.roles ?? [])].filter((r): r is string => typeof r === "string");
  if (tokenRoles.length > 0 || session.permissions !== undefined || session.organizationId === undefined) {
    return { roles: [...new Set(tokenRoles)], permissions: session.permissions ?? [] };
  }
  return context.memberships(session.userId, session.organizationId);
}

/**
 * @example
 * if (await hasPermission("reports:read")) { ... }
 */
export async function hasPermission(permission: string): Promise<boolean> {
  return (await grants(requireRequestContext())).permissions.includes(permission);
}

/**
 * @example
 * if (await hasRole("admin")) { ... }
 */
export async function hasRole(role: string): Promise<boolean> {
  return (await grants(requireRequestContext())).roles.includes(role);
}

/**
 * Throws {@link AccessDeniedError} unless the caller holds every permission.
 *
 * @example
 * await requirePermission("posts:write");
 */
export async function requirePermission(...permissions: string[]): Promise<void> {
  const held = (await grants(requireRequestContext())).permissions;
  const missing = permissions.filter((p) => !held.includes(p));
  if (missing.length > 0) {
    throw new AccessDeniedError("missing_permission", `Forbidden: missing permission ${missing.join(", ")}`, missing);
  }
}

/**
 * Throws {@link AccessDeniedError} unless the caller has at least one of the roles.
 *
 * @example
 * await requireRole("admin");
 */
export async function requireRole(...roles: string[]): Promise<void> {
  const held = (await grants(requireRequestContext())).roles;
  if (!roles.some((r) => held.includes(r))) {
    throw new AccessDeniedError("missing_role", `Forbidden: requires role ${roles.join(" or ")}`, roles);
  }
}

/**
 * Throws {@link AccessDeniedError} unless the token was issued for an organization (and, when
 * given, for this one).
 *
 * @example
 * const orgId = requireOrganization();
 */
export function requireOrganization(organizationId?: string): string {
  const { session } = requireRequestContext();
  if (session.organizationId === undefined) {
    throw new AccessDeniedError(
      "missing_organization",
      "Forbidden: this tool needs an organization; sign in again and choose one",
      organizationId ? [organizationId] : [],
    );
  }
  if (organizationId !== undefined && session.organizationId !== organizationId) {
    throw new AccessDeniedError("wrong_organization", `Forbidden: requires organization ${organizationId}`, [organizationId]);
  }
  return session.organizationId;
}

/**
 * Throws {@link AccessDeniedError} unless the token carries every scope.
 *
 * @example
 * requireScopes("email");
 */
export function requireScopes(...scopes: string[]): void {
  const { session } = requireRequestContext();
  const missing = scopes.filter((s) => !session.scopes.includes(s));
  if (missing.length > 0) {
    throw new AccessDeniedError("missing_scope", `Forbidden: missing scope ${missing.join(", ")}`, missing);
  }
}
