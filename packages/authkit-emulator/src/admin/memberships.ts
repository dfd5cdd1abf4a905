import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { serializeMembership } from "../api/serialize.js";
import { ApiError } from "../http/api-error.js";
import { BodyReader } from "../http/body-reader.js";
import { addMembership, DEFAULT_ROLE_SLUG } from "../store/memberships.js";

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
    if (!ctx.state.roles.some((role) => role.slug === roleSlug)) body.fail("role_slug", "role_not_found");
    body.finish();
    if (!ctx.state.users.some((user) => user.id === userId)) throw ApiError.notFound("User", userId as string);
    if (!ctx.state.organizations.some((org) => org.id === organizationId)) {
      throw ApiError.notFound("Organization", organizationId as string);
    }
    if (ctx.state.memberships.some((m) => m.user_id === userId && m.organization_id === organizationId)) {
      throw new ApiError("conflict", "The user is already a member of this organization.");
    }

    const membership = addMembership(ctx, { userId: userId as string, organizationId: organizationId as string, roleSlug });
    res.status(201).json(serializeMembership(ctx, membership));
  });

  return router;
}
