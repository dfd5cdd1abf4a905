import type { EmulatorContext } from "../context.js";
import { newId } from "./ids.js";
import type { MembershipRecord } from "./types.js";

/** WorkOS gives a new member the environment's default role; the seed's default is `member`. */
export const DEFAULT_ROLE_SLUG = "member";

/**
 * Adds an active membership and saves. Callers have checked that the user, the organization and
 * the role exist and that the user is not a member yet.
 *
 * @example
 * const membership = addMembership(ctx, { userId, organizationId, roleSlug: DEFAULT_ROLE_SLUG });
 */
export function addMembership(ctx: EmulatorContext, input: { userId: string; organizationId: string; roleSlug: string }): MembershipRecord {
  const now = new Date(ctx.now() * 1000).toISOString();
  const membership: MembershipRecord = {
    object: "organization_membership",
    id: newId("om"),
    user_id: input.userId,
    organization_id: input.organizationId,
    role: { slug: input.roleSlug },
    roles: [{ slug: input.roleSlug }],
    status: "active",
    created_at: now,
    updated_at: now,
  };
  ctx.state.memberships.push(membership);
  ctx.save();
  return membership;
}
