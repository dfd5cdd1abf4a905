import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { auditLogEventsRouter } from "./audit-log-events.js";
import { authkitOAuthResourcesRouter } from "./authkit-oauth-resources.js";
import { connectionsRouter } from "./connections.js";
import { directoriesRouter } from "./directories.js";
import { directoryGroupsRouter } from "./directory-groups.js";
import { directoryUsersRouter } from "./directory-users.js";
import { organizationMembershipsRouter } from "./organization-memberships.js";
import { organizationRolesRouter } from "./organization-roles.js";
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
  "/user_management/sessions/revoke",
  "/user_management/authkit_oauth_resources",
  "/organizations",
  "/directories",
  "/directory_users",
  "/directory_groups",
  "/audit_logs",
  "/connections",
  "/authorization/organizations",
];

/**
 * The WorkOS REST API subset `@xmcp-dev/workos` and its users call, in the exact paths and
 * JSON shapes `@workos-inc/node` v11 reads.
 *
 * @example
 * app.use(createApiRouter(ctx));
 */
export function createApiRouter(ctx: EmulatorContext): Router {
  const router = Router();
  router.use(API_PATH_PREFIXES, requireApiKey(ctx));
  router.use(usersRouter(ctx));
  router.use(organizationMembershipsRouter(ctx));
  router.use(sessionsRouter(ctx));
  router.use(authkitOAuthResourcesRouter(ctx));
  router.use(organizationsRouter(ctx));
  router.use(directoriesRouter(ctx));
  router.use(directoryUsersRouter(ctx));
  router.use(directoryGroupsRouter(ctx));
  router.use(auditLogEventsRouter(ctx));
  router.use(connectionsRouter(ctx));
  router.use(organizationRolesRouter(ctx));
  return router;
}
