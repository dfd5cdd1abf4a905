import { AccessDeniedError } from "../errors.js";
import type { Session } from "../session/session.js";

/**
 * What the caller may do in the current request, resolved once. Every check is synchronous: a
 * check either returns or throws {@link AccessDeniedError} before the next line of the tool runs.
 */
export interface Access {
  readonly organizationId: string | undefined;
  /** Role slugs, primary first. */
  readonly roles: readonly string[];
  readonly permissions: readonly string[];
  readonly scopes: readonly string[];
  hasPermission(permission: string): boolean;
  hasRole(role: string): boolean;
  hasScope(scope: string): boolean;
  /** Throws unless the caller holds every permission. */
  requirePermission(...permissions: string[]): void;
  /** Throws unless the caller has at least one of the roles. */
  requireRole(...roles: string[]): void;
  /** The organization the token was issued for; throws when there is none (or it is not `organizationId`). */
  requireOrganization(organizationId?: string): string;
  /** Throws unless the token carries every scope. */
  requireScopes(...scopes: string[]): void;
}

export interface Grants {
  roles: readonly string[];
  permissions: readonly string[];
}

export function createAccess(session: Readonly<Session>, grants: Grants): Access {
  const roles = Object.freeze([...grants.roles]);
  const permissions = Object.freeze([...grants.permissions]);
  return Object.freeze({
    organizationId: session.organizationId,
    roles,
    permissions,
    scopes: session.scopes,
    hasPermission: (permission: string) => permissions.includes(permission),
    hasRole: (role: string) => roles.includes(role),
    hasScope: (scope: string) => session.scopes.includes(scope),
    requirePermission(...wanted: string[]) {
      const missing = wanted.filter((p) => !permissions.includes(p));
      if (missing.length > 0) {
        throw new AccessDeniedError("missing_permission", `Forbidden: missing permission ${missing.join(", ")}`, missing);
      }
    },
    requireRole(...wanted: string[]) {
      if (!wanted.some((r) => roles.includes(r))) {
        throw new AccessDeniedError("missing_role", `Forbidden: requires role ${wanted.join(" or ")}`, wanted);
      }
    },
    requireOrganization: (organizationId?: string) => checkOrganization(session, organizationId),
    requireScopes: (...wanted: string[]) => checkScopes(session, wanted),
  });
}

export function checkOrganization(session: Readonly<Session>, organizationId: string | undefined): string {
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

export function checkScopes(session: Readonly<Session>, scopes: readonly string[]): void {
  const missing = scopes.filter((s) => !session.scopes.includes(s));
  if (missing.length > 0) {
    throw new AccessDeniedError("missing_scope", `Forbidden: missing scope ${missing.join(", ")}`, missing);
  }
}
