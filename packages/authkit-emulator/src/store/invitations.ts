import { ApiError } from "../http/api-error.js";
import { randomBytes } from "node:crypto";
import { newId } from "./ids.js";
import { membershipOf } from "./memberships.js";
import { getOrganization } from "./organizations.js";
import { findRole } from "./roles.js";
import { isoNow, type StoreContext, insertRecord } from "./store-context.js";
import type { InvitationRecord } from "./types.js";
import { findUserByEmail, getUser } from "./users.js";
import { lookupById, requireRecord } from "./lookup.js";

/** WorkOS's default and bounds for `expires_in_days` (`@workos/openapi-spec`: "between 1 and 30 days"). */
export const DEFAULT_INVITATION_DAYS = 7;
const MIN_INVITATION_DAYS = 1;
const MAX_INVITATION_DAYS = 30;

export interface InvitationInput {
  email: string;
  organization_id?: string;
  expires_in_days?: number;
  inviter_user_id?: string;
  role_slug?: string;
}

/** An invitation past `expires_at` reads as `expired` even before anything rewrites it. */
export function invitationState(ctx: StoreContext, invitation: InvitationRecord): InvitationRecord["state"] {
  if (invitation.state === "pending" && Date.parse(invitation.expires_at) <= ctx.now() * 1000) return "expired";
  return invitation.state;
}

export const getInvitation = lookupById((state) => state.invitations, "Invitation").get;

export function getInvitationByToken(ctx: StoreContext, token: string): InvitationRecord {
  return requireRecord(ctx.state.invitations.find((candidate) => candidate.token === token), "Invitation", token);
}

export function listInvitations(ctx: StoreContext, filter: { organizationId?: string; email?: string }): InvitationRecord[] {
  const email = filter.email?.toLowerCase();
  return ctx.state.invitations.filter(
    (invitation) =>
      (filter.organizationId === undefined || invitation.organization_id === filter.organizationId) &&
      (email === undefined || invitation.email === email),
  );
}

function expiresAt(ctx: StoreContext, days: number): string {
  return new Date((ctx.now() + days * 24 * 3600) * 1000).toISOString();
}

/**
 * `userManagement.sendInvitation`: stores a pending invitation with a fresh token and saves.
 * The emulator sends no email; the accept URL points at the emulator's sign-in page.
 *
 * @example
 * const invitation = createInvitation(ctx, { email: "new@acme.test", organization_id }, issuer);
 */
export function createInvitation(ctx: StoreContext, input: InvitationInput, issuer: string): InvitationRecord {
  const email = input.email.toLowerCase();
  const organizationId = input.organization_id ?? null;
  const days = input.expires_in_days ?? DEFAULT_INVITATION_DAYS;
  if (days < MIN_INVITATION_DAYS) throw new ApiError("expires_in_days_too_short", `expires_in_days must be at least ${MIN_INVITATION_DAYS}.`);
  if (days > MAX_INVITATION_DAYS) throw new ApiError("expires_in_days_too_long", `expires_in_days must be at most ${MAX_INVITATION_DAYS}.`);
  if (organizationId === null) {
    // An invitation to the environment signs a new user up: an existing user or an open one is WorkOS's 400.
    if (findUserByEmail(ctx, email) !== undefined) throw new ApiError("user_already_exists", "A user with this email already exists.");
    const open = ctx.state.invitations.some(
      (invitation) => invitation.email === email && invitation.organization_id === null && invitationState(ctx, invitation) === "pending",
    );
    if (open) throw new ApiError("email_already_invited", "This email already has a pending invitation.");
  } else {
    getOrganization(ctx, organizationId);
    const user = findUserByEmail(ctx, email);
    if (user !== undefined && membershipOf(ctx, user.id, organizationId)?.status === "active") {
      throw new ApiError("user_already_organization_member", "The user is already a member of this organization.");
    }
    const open = ctx.state.invitations.some(
      (invitation) =>
        invitation.email === email && invitation.organization_id === organizationId && invitationState(ctx, invitation) === "pending",
    );
    if (open) throw new ApiError("email_already_invited_to_organization", "This email already has a pending invitation to this organization.");
  }
  if (input.inviter_user_id !== undefined) getUser(ctx, input.inviter_user_id);
  if (input.role_slug !== undefined && findRole(ctx, input.role_slug) === undefined) {
    throw new ApiError("invalid_role", `Role not found: '${input.role_slug}'.`, { status: 400 });
  }
  const now = isoNow(ctx);
  const token = randomBytes(18).toString("base64url");
  const invitation: InvitationRecord = {
    object: "invitation",
    id: newId("invitation"),
    email,
    state: "pending",
    accepted_at: null,
    revoked_at: null,
    expires_at: expiresAt(ctx, days),
    organization_id: organizationId,
    inviter_user_id: input.inviter_user_id ?? null,
    accepted_user_id: null,
    role_slug: input.role_slug ?? null,
    token,
    accept_invitation_url: `${issuer}/invite?invitation_token=${token}`,
    created_at: now,
    updated_at: now,
  };
  insertRecord(ctx, "invitations", invitation);
  return invitation;
}

/** A resend restarts the clock on a pending invitation; any other state is WorkOS's 400. */
export function resendInvitation(ctx: StoreContext, invitation: InvitationRecord): InvitationRecord {
  const state = invitationState(ctx, invitation);
  if (state === "expired") throw new ApiError("invite_expired", "The invitation has expired.");
  if (state === "revoked") throw new ApiError("invite_revoked", "The invitation has been revoked.");
  if (state === "accepted") throw new ApiError("invite_accepted", "The invitation has already been accepted.");
  const now = isoNow(ctx);
  Object.assign(invitation, { expires_at: expiresAt(ctx, DEFAULT_INVITATION_DAYS), updated_at: now });
  ctx.save();
  return invitation;
}

export function revokeInvitation(ctx: StoreContext, invitation: InvitationRecord): InvitationRecord {
  if (invitationState(ctx, invitation) !== "pending") {
    throw new ApiError("invite_not_pending", "Only a pending invitation can be revoked.");
  }
  const now = isoNow(ctx);
  Object.assign(invitation, { state: "revoked", revoked_at: now, updated_at: now });
  ctx.save();
  return invitation;
}
