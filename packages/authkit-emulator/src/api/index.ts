import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { auditLogEventsRouter } from "./audit-log-events.js";
import { auditLogExportsRouter } from "./audit-log-exports.js";
import { auditLogSchemasRouter } from "./audit-log-schemas.js";
import { authkitOAuthResourcesRouter } from "./authkit-oauth-resources.js";
import { authorizationRouter } from "./authorization.js";
import { connectionsRouter } from "./connections.js";
import { directoriesRouter } from "./directories.js";
import { directoryGroupsRouter } from "./directory-groups.js";
import { directoryUsersRouter } from "./directory-users.js";
import { invitationsRouter } from "./invitations.js";
import { organizationDomainsRouter } from "./organization-domains.js";
import { organizationMembershipsRouter } from "./organization-memberships.js";
import { organizationsRouter } from "./organizations.js";
import { requireApiKey } from "./require-api-key.js";
import { sessionsRouter } from "./sessions.js";
import { usersRouter } from "./users.js";

/**
 * Path prefixes of the WorkOS REST API served here. The API key is checked on the prefix, so
 * even an unknown id or sub-path under them answers 401 before 404, as WorkOS does; other
 * `/user_management/...` paths are left alone for the OAuth side.
 */
export const API_PATH_PREFIXES = [
  "/user_management/users",
  "/user_management/organization_memberships",
  "/user_management/invitations",
  "/user_management/sessions/revoke",
  "/user_management/authkit_oauth_resources",
  "/organizations",
  "/organization_domains",
  "/directories",
  "/directory_users",
  "/directory_groups",
  "/audit_logs",
  "/connections",
  "/authorization",
];

/** One router per WorkOS resource; adding a resource is one file here and one in `src/store`. */
const RESOURCE_ROUTERS = [
  usersRouter,
  organizationMembershipsRouter,
  invitationsRouter,
  sessionsRouter,
  authkitOAuthResourcesRouter,
  organizationsRouter,
  organizationDomainsRouter,
  directoriesRouter,
  directoryUsersRouter,
  directoryGroupsRouter,
  auditLogEventsRouter,
  auditLogExportsRouter,
  auditLogSchemasRouter,
  connectionsRouter,
  authorizationRouter,
];

/**
 * The WorkOS REST API subset `@xmcp-dev/workos` and the tools built on it call, in the exact
 * paths and JSON shapes of `@workos-inc/node` 11 and `@workos/openapi-spec`.
 *
 * @example
 * app.use(createApiRouter(ctx));
 */
export function createApiRouter(ctx: EmulatorContext): Router {
  const router = Router();
  router.use(API_PATH_PREFIXES, requireApiKey(ctx));
  for (const resourceRouter of RESOURCE_ROUTERS) router.use(resourceRouter(ctx));
  return router;
}
