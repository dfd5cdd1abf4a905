import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { ApiError } from "../http/api-error.js";
import { BodyReader } from "../http/body-reader.js";
import {
  createMembership,
  deleteMembership,
  getMembership,
  listMemberships,
  setMembershipStatus,
  updateMembershipRoles,
  type MembershipStatus,
} from "../store/memberships.js";
import { paginate, queryList, queryString } from "./pagination.js";
import { serializeMembership } from "./serialize.js";

const STATUSES: readonly MembershipStatus[] = ["active", "inactive", "pending"];

/**
 * `userManagement` organization memberships: list, create, get, update, deactivate,
 * reactivate, delete, under /user_management/organization_memberships.
 */
export function organizationMembershipsRouter(ctx: EmulatorContext): Router {
  const router = Router();
  const serialize = serializeMembership.bind(null, ctx);

  router.get("/user_management/organization_memberships", (req, res) => {
    const query = req.query as Record<string, unknown>;
    const userId = queryString(query, "user_id");
    const organizationId = queryString(query, "organization_id");
    // `@workos/openapi-spec`: an unscoped listing is a 400 `missing_user_id_or_organization_id`.
    if (userId === undefined && organizationId === undefined) {
      throw new ApiError("missing_user_id_or_organization_id", "Either user_id or organization_id is required.");
    }
    // WorkOS docs (organization-membership/list): "By default only active memberships are returned."
    const statuses = queryList(query, "statuses") ?? ["active"];
    // `@workos/openapi-spec` gives this route's `invalid_request_parameters` a 400 (its 422 has no
    // code): bad `statuses` and bad pagination values alike.
    if (statuses.some((status) => !STATUSES.includes(status as MembershipStatus))) {
      throw ApiError.validation([{ field: "statuses", code: "status_invalid" }], 400);
    }
    const memberships = listMemberships(ctx, { userId, organizationId, statuses: statuses as MembershipStatus[] });
    res.json(paginate(memberships, query, serialize, { invalidStatus: 400 }));
  });

  router.post("/user_management/organization_memberships", (req, res) => {
    const body = new BodyReader(req.body);
    const userId = body.requiredString("user_id");
    const organizationId = body.requiredString("organization_id");
    const roleSlugs = readRoleSlugs(body);
    body.finish();
    const membership = createMembership(ctx, { userId: userId as string, organizationId: organizationId as string, roleSlugs });
    res.status(201).json(serialize(membership));
  });

  router.get("/user_management/organization_memberships/:id", (req, res) => {
    res.json(serialize(getMembership(ctx, req.params.id)));
  });

  router.put("/user_management/organization_memberships/:id", (req, res) => {
    const membership = getMembership(ctx, req.params.id);
    const body = new BodyReader(req.body);
    const roleSlugs = readRoleSlugs(body);
    body.finish();
    res.json(serialize(updateMembershipRoles(ctx, membership, roleSlugs ?? [])));
  });

  router.put("/user_management/organization_memberships/:id/deactivate", (req, res) => {
    res.json(serialize(setMembershipStatus(ctx, getMembership(ctx, req.params.id), "inactive")));
  });

  router.put("/user_management/organization_memberships/:id/reactivate", (req, res) => {
    res.json(serialize(setMembershipStatus(ctx, getMembership(ctx, req.params.id), "active")));
  });

  router.delete("/user_management/organization_memberships/:id", (req, res) => {
    deleteMembership(ctx, req.params.id);
    res.status(200).end();
  });

  return router;
}

/** `role_slug` and `role_slugs` are mutually exclusive (`@workos/openapi-spec` oneOf). */
function readRoleSlugs(body: BodyReader): string[] | undefined {
  const roleSlug = body.optionalString("role_slug");
  const roleSlugs = body.optionalStringArray("role_slugs");
  if (roleSlug !== undefined && roleSlugs !== undefined) {
    body.fail("role_slugs", "role_slug_and_role_slugs_are_mutually_exclusive");
    return undefined;
  }
  return roleSlugs ?? (roleSlug === undefined ? undefined : [roleSlug]);
}
