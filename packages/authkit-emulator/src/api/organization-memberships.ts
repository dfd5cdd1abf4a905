import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { ApiError } from "../http/api-error.js";
import { findById } from "./find-by-id.js";
import { paginate, queryList, queryString } from "./pagination.js";
import { serializeMembership } from "./serialize.js";

const STATUSES = new Set(["active", "inactive", "pending"]);

/**
 * `userManagement.listOrganizationMemberships / getOrganizationMembership`:
 * GET /user_management/organization_memberships and /user_management/organization_memberships/:id.
 */
export function organizationMembershipsRouter(ctx: EmulatorContext): Router {
  const router = Router();

  router.get("/user_management/organization_memberships", (req, res) => {
    const query = req.query as Record<string, unknown>;
    const userId = queryString(query, "user_id");
    const organizationId = queryString(query, "organization_id");
    // WorkOS refuses an unscoped listing: one of the two filters is required.
    if (userId === undefined && organizationId === undefined) {
      throw ApiError.validation([{ field: "user_id", code: "user_id_or_organization_id_required" }]);
    }
    // Without `statuses` only active memberships are listed (the SDK documents this default).
    const statuses = queryList(query, "statuses") ?? ["active"];
    const unknown = statuses.find((status) => !STATUSES.has(status));
    if (unknown !== undefined) throw ApiError.validation([{ field: "statuses", code: "status_invalid" }]);

    const memberships = ctx.state.memberships.filter(
      (m) =>
        (userId === undefined || m.user_id === userId) &&
        (organizationId === undefined || m.organization_id === organizationId) &&
        statuses.includes(m.status),
    );
    res.json(paginate(memberships.map((m) => serializeMembership(ctx.state, m)), query));
  });

  router.get("/user_management/organization_memberships/:id", (req, res) => {
    const membership = findById(ctx.state.memberships, req.params.id, "Organization membership");
    res.json(serializeMembership(ctx.state, membership));
  });

  return router;
}
