import { ApiError } from "../http/api-error.js";
import { newId } from "./ids.js";
import { getOrganization } from "./organizations.js";
import { removeWhere } from "./remove-where.js";
import { findRole } from "./roles.js";
import { isoNow, type StoreContext, insertRecord } from "./store-context.js";
import type { MembershipRecord } from "./types.js";
import { getUser } from "./users.js";
import { lookupById } from "./lookup.js";

/** WorkOS gives a new member the environment's default role; the seed's default is `member`. */
export const DEFAULT_ROLE_SLUG = "member";

export type MembershipStatus = MembershipRecord["status"];

/** The membership's roles; records from before multiple roles carry only `role`. */
export function roleSlugsOf(membership: MembershipRecord): string[] {
  return (membership.roles ?? [membership.role]).map((role) => role.slug);
}

const memberships = lookupById((state) => state.memberships, "Organization membership");
export const findMembership = memberships.find;
/** The membership with this id, or the 404 WorkOS answers. */
export const getMembership = memberships.get;

export function listMemberships(
  ctx: StoreContext,
  filter: { userId?: string; organizationId?: string; statuses?: readonly MembershipStatus[] },
): MembershipRecord[] {
  return ctx.state.memberships.filter(
    (m) =>
      (filter.userId === undefined || m.user_id === filter.userId) &&
      (filter.organizationId === undefined || m.organization_id === filter.organizationId) &&
      (filter.statuses === undefined || filter.statuses.includes(m.status)),
  );
}

/** The user's active memberships: the organizations they can sign in to. */
export function activeMemberships(ctx: StoreContext, userId: string): MembershipRecord[] {
  return listMemberships(ctx, { userId, statuses: ["active"] });
}

export function membershipOf(ctx: StoreContext, userId: string, organizationId: string): MembershipRecord | undefined {
  return ctx.state.memberships.find((m) => m.user_id === userId && m.organization_id === organizationId);
}

/** Every slug must name a role; WorkOS answers `invalid_role` (422) otherwise. */
function checkRoles(ctx: StoreContext, slugs: readonly string[]): void {
  const unknown = slugs.find((slug) => findRole(ctx, slug) === undefined);
  if (unknown !== undefined) throw new ApiError("invalid_role", `Role not found: '${unknown}'.`);
}

function assignRoles(membership: MembershipRecord, slugs: readonly string[]): void {
  const [first = DEFAULT_ROLE_SLUG] = slugs;
  membership.role = { slug: first };
  membership.roles = (slugs.length > 0 ? slugs : [first]).map((slug) => ({ slug }));
}

/**
 * Adds a membership and saves (user, organization and roles checked). Joining again after a
 * deactivation reactivates the old membership, as WorkOS does; a pending one is WorkOS's 400.
 *
 * @example
 * const membership = createMembership(ctx, { userId, organizationId, roleSlugs: ["admin"] });
 */
export function createMembership(
  ctx: StoreContext,
  input: { userId: string; organizationId: string; roleSlugs?: readonly string[] },
): MembershipRecord {
  getUser(ctx, input.userId);
  getOrganization(ctx, input.organizationId);
  const slugs = input.roleSlugs !== undefined && input.roleSlugs.length > 0 ? input.roleSlugs : [DEFAULT_ROLE_SLUG];
  checkRoles(ctx, slugs);
  const existing = membershipOf(ctx, input.userId, input.organizationId);
  if (existing?.status === "pending") {
    throw new ApiError("cannot_reactivate_pending_organization_membership", "A pending membership cannot be reactivated.");
  }
  if (existing?.status === "active") {
    throw new ApiError("user_already_organization_member", "The user is already a member of this organization.");
  }
  const now = isoNow(ctx);
  if (existing !== undefined) {
    assignRoles(existing, slugs);
    Object.assign(existing, { status: "active", updated_at: now });
    ctx.save();
    return existing;
  }
  const membership: MembershipRecord = {
    object: "organization_membership",
    id: newId("om"),
    user_id: input.userId,
    organization_id: input.organizationId,
    role: { slug: DEFAULT_ROLE_SLUG },
    status: "active",
    created_at: now,
    updated_at: now,
  };
  assignRoles(membership, slugs);
  insertRecord(ctx, "memberships", membership);
  return membership;
}

/** One-role form of `createMembership`, for the sign-in flow and the admin API. */
export function addMembership(ctx: StoreContext, input: { userId: string; organizationId: string; roleSlug: string }): MembershipRecord {
  return createMembership(ctx, { userId: input.userId, organizationId: input.organizationId, roleSlugs: [input.roleSlug] });
}

export function updateMembershipRoles(ctx: StoreContext, membership: MembershipRecord, slugs: readonly string[]): MembershipRecord {
  if (slugs.length > 0) {
    checkRoles(ctx, slugs);
    assignRoles(membership, slugs);
  }
  membership.updated_at = isoNow(ctx);
  ctx.save();
  return membership;
}

/** `active` ↔ `inactive`; a pending membership (an open invitation) can be neither, as in WorkOS. */
export function setMembershipStatus(ctx: StoreContext, membership: MembershipRecord, status: "active" | "inactive"): MembershipRecord {
  if (membership.status === "pending") {
    throw status === "active"
      ? new ApiError("cannot_reactivate_pending_organization_membership", "A pending membership cannot be reactivated.")
      : new ApiError("cannot_deactivate_pending_organization_membership", "A pending membership cannot be deactivated.");
  }
  if (membership.status !== status) Object.assign(membership, { status, updated_at: isoNow(ctx) });
  ctx.save();
  return membership;
}

export function deleteMembership(ctx: StoreContext, id: string): void {
  getMembership(ctx, id);
  removeWhere(ctx.state.memberships, (membership) => membership.id === id);
  ctx.save();
}
