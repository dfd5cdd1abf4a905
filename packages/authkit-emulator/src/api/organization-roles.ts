import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { findById } from "./find-by-id.js";

/**
 * `authorization.listOrganizationRoles`: GET /authorization/organizations/:id/roles. The seed's
 * roles are environment roles, shared by every organization, listed in priority order as WorkOS
 * does. `@xmcp-dev/workos` reads it to turn a membership's role slug into permissions.
 */
export function organizationRolesRouter(ctx: EmulatorContext): Router {
  const router = Router();

  router.get("/authorization/organizations/:id/roles", (req, res) => {
    const organization = findById(ctx.state.organizations, req.params.id, "Organization");
    res.json({
      object: "list",
      data: ctx.state.roles.map((role, index) => ({
        object: "role",
        id: `role_${String(index + 1).padStart(26, "0")}`,
        name: role.name,
        slug: role.slug,
        description: role.description,
        permissions: role.permissions,
        resource_type_slug: "organization",
        type: "EnvironmentRole",
        created_at: organization.created_at,
        updated_at: organization.updated_at,
      })),
    });
  });

  return router;
}
