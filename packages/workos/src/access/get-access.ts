import { requireRequestContext } from "../session/get-session.js";
import type { RequestContext } from "../session/request-context.js";
import { checkOrganization, checkScopes, createAccess, type Access, type Grants } from "./access.js";

/**
 * The caller's roles and permissions, resolved once per request, with synchronous checks.
 *
 * Token claims are used when present; when the token names an organization but carries no role
 * (AuthKit's default MCP token), the membership is looked up through the WorkOS API (cached), so
 * the answer is the same with or without a JWT template. A forgotten `await` cannot skip a check:
 * a promise has no `requirePermission`, so the tool stops with a `TypeError` on that line.
 *
 * @example
 * const access = await getAccess();
 * access.requirePermission("reports:read");
 * if (access.hasRole("admin")) { ... }
 */
export function getAccess(): Promise<Access> {
  const context = requireRequestContext();
  if (!context.access) {
    context.access = resolveGrants(context).then((grants) => createAccess(context.session, grants));
    // The same promise is handed to every caller; one that is never awaited (a forgotten `await`)
    // must not turn a WorkOS API failure into an unhandled rejection that ends the process.
    context.access.catch(() => {});
  }
  return context.access;
}

async function resolveGrants(context: RequestContext): Promise<Grants> {
  const { session } = context;
  const tokenRoles = [session.role, ...(session.roles ?? [])].filter((r): r is string => typeof r === "string");
  if (tokenRoles.length > 0 || session.permissions !== undefined || session.organizationId === undefined) {
    return { roles: [...new Set(tokenRoles)], permissions: session.permissions ?? [] };
  }
  return context.memberships(session.userId, session.organizationId);
}

/**
 * The organization the token was issued for (and, when given, must be this one). Synchronous:
 * it needs nothing beyond the token. The same check as `(await getAccess()).requireOrganization()`.
 *
 * @example
 * const organizationId = requireOrganization();
 */
export function requireOrganization(organizationId?: string): string {
  return checkOrganization(requireRequestContext().session, organizationId);
}

/**
 * Throws {@link AccessDeniedError} unless the token carries every scope. Synchronous: it needs
 * nothing beyond the token.
 *
 * @example
 * requireScopes("email");
 */
export function requireScopes(...scopes: string[]): void {
  checkScopes(requireRequestContext().session, scopes);
}
