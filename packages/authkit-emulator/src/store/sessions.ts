import { ApiError } from "../http/api-error.js";
import { isoNow, type StoreContext } from "./store-context.js";
import type { SessionRecord } from "./types.js";

/** A session lives as long as the refresh tokens it hands out (30 days), unless revoked sooner. */
export const SESSION_TTL_SECONDS = 30 * 24 * 3600;

export type SessionStatus = "active" | "expired" | "revoked";

export function findSession(ctx: StoreContext, id: string): SessionRecord | undefined {
  return ctx.state.sessions.find((candidate) => candidate.id === id);
}

/** The session with this id, or the 404 WorkOS answers. */
export function getSession(ctx: StoreContext, id: string): SessionRecord {
  const session = findSession(ctx, id);
  if (session === undefined) throw ApiError.notFound("Session", id);
  return session;
}

export function sessionExpiresAt(session: SessionRecord): string {
  return new Date(Date.parse(session.created_at) + SESSION_TTL_SECONDS * 1000).toISOString();
}

export function sessionStatus(ctx: StoreContext, session: SessionRecord): SessionStatus {
  if (session.revoked) return "revoked";
  return Date.parse(sessionExpiresAt(session)) <= ctx.now() * 1000 ? "expired" : "active";
}

/** `userManagement.listSessions`: every session of the user, whatever its status. */
export function listUserSessions(ctx: StoreContext, userId: string): SessionRecord[] {
  return ctx.state.sessions.filter((session) => session.user_id === userId);
}

/**
 * Opens a session for a completed sign-in and saves.
 *
 * @example
 * const session = openSession(ctx, { id, user_id, organization_id, client_id, auth_method: "password" });
 */
export function openSession(
  ctx: StoreContext,
  input: Pick<SessionRecord, "id" | "user_id" | "organization_id" | "client_id"> &
    Partial<Pick<SessionRecord, "auth_method" | "ip_address" | "user_agent">>,
): SessionRecord {
  const session: SessionRecord = {
    auth_method: "unknown",
    ip_address: null,
    user_agent: null,
    ...input,
    created_at: isoNow(ctx),
    revoked: false,
    ended_at: null,
  };
  ctx.state.sessions.push(session);
  ctx.save();
  return session;
}

/**
 * Flags the session revoked and saves: the token endpoint refuses its refresh tokens from then
 * on, and userinfo/introspection report its access tokens inactive.
 */
export function revokeSession(ctx: StoreContext, session: SessionRecord): void {
  if (session.revoked) return;
  session.revoked = true;
  session.ended_at = isoNow(ctx);
  ctx.save();
}
