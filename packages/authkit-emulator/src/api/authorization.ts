import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { ApiError } from "../http/api-error.js";
import { BodyReader } from "../http/body-reader.js";
import { getMembership, roleSlugsOf } from "../store/memberships.js";
import { getOrganization } from "../store/organizations.js";
import { getPermission, getRole, listPermissions, listRoles, permissionsOf } from "../store/roles.js";
import { paginate } from "./pagination.js";
import { serializeRole } from "./serialize.js";

/**
 * `authorization` read paths and `check`. The seed's roles are environment roles, shared by
 * every organization and listed in priority order as WorkOS does; permissions are the ones the
 * roles grant. `@xmcp-dev/workos` reads the organization roles to turn a role slug into permissions.
 */
export function authorizationRouter(ctx: EmulatorContext): Router {
  const router = Router();
  const roleList = () => ({ object: "list" as const, data: listRoles(ctx).map(serializeRole) });

  router.get("/authorization/roles", (_req, res) => {
    res.json(roleList());
  });

  router.get("/authorization/roles/:slug", (req, res) => {
    res.json(serializeRole(getRole(ctx, req.params.slug)));
  });

  router.get("/authorization/organizations/:id/roles", (req, res) => {
    getOrganization(ctx, req.params.id);
    res.json(roleList());
  });

  router.get("/authorization/organizations/:id/roles/:slug", (req, res) => {
    getOrganization(ctx, req.params.id);
    res.json(serializeRole(getRole(ctx, req.params.slug)));
  });

  router.get("/authorization/permissions", (req, res) => {
    res.json(paginate(listPermissions(ctx), req.query as Record<string, unknown>));
  });

  router.get("/authorization/permissions/:slug", (req, res) => {
    res.json(getPermission(ctx, req.params.slug));
  });

  /**
   * The emulator has no fine-grained resources: the one resource a check may name is the
   * membership's organization (`resource_id` = its id, or type `organization` with its
   * `external_id`). Authorized when the membership is active and one of its roles grants the
   * permission.
   */
  router.post("/authorization/organization_memberships/:id/check", (req, res) => {
    const membership = getMembership(ctx, req.params.id);
    const body = new BodyReader(req.body);
    const permissionSlug = body.requiredString("permission_slug");
    const resourceId = body.optionalString("resource_id");
    const externalId = body.optionalString("resource_external_id");
    const typeSlug = body.optionalString("resource_type_slug");
    if (resourceId === undefined && externalId === undefined) body.fail("resource_id", "resource_id_or_resource_external_id_required");
    if (externalId !== undefined && typeSlug === undefined) body.fail("resource_type_slug", "resource_type_slug_required");
    body.finish();
    const organization = getOrganization(ctx, membership.organization_id);
    const namesOrganization =
      resourceId !== undefined
        ? resourceId === organization.id
        : typeSlug === "organization" && externalId === organization.external_id;
    if (!namesOrganization) throw ApiError.notFound("Authorization resource", resourceId ?? `${typeSlug}:${externalId}`);
    const granted = permissionsOf(ctx, roleSlugsOf(membership));
    res.json({ authorized: membership.status === "active" && granted.includes(permissionSlug as string) });
  });

  return router;
}
