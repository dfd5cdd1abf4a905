import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { serializeMembership } from "../api/serialize.js";
import { ApiError } from "../http/api-error.js";
import { BodyReader } from "../http/body-reader.js";
import { addMembership, DEFAULT_ROLE_SLUG, membershipOf } from "../store/memberships.js";
import { getOrganization } from "../store/organizations.js";
import { findRole } from "../store/roles.js";
import { getUser } from "../store/users.js";

/**
 * POST /_emulator/memberships `{ user_id, organization_id, role_slug? }` → 201 membership.
 * The role defaults to `member`, as WorkOS assigns the environment's default role.
 */
export function adminMembershipsRouter(ctx: EmulatorContext): Router {
  const router = Router();

  router.post("/_emulator/memberships", (req, res) => {
    const body = new BodyReader(req.body);
    const userId = body.requiredString("user_id");
    const organizationId = body.requiredString("organization_id");
    const roleSlug = body.optionalString("role_slug") ?? DEFAULT_ROLE_SLUG;
    if (findRole(ctx, roleSlug) === undefined) body.fail("role_slug", "role_not_found");
    body.finish();
    getUser(ctx, userId as string);
    getOrganization(ctx, organizationId as string);
    // Unlike the REST API (which reactivates), the admin API adds only new memberships.
    if (membershipOf(ctx, userId as string, organizationId as string) !== undefined) {
      throw new ApiError("conflict", "The user is already a member of this organization.");
    }

    const membership = addMembership(ctx, { userId: userId as string, organizationId: organizationId as string, roleSlug });
    res.status(201).json(serializeMembership(ctx, membership));
  });

  return router;
}
