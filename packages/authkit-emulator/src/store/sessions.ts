import { removeWhere } from "./remove-where.js";
import { isoNow, type StoreContext, insertRecord } from "./store-context.js";
import type { SessionRecord } from "./types.js";
import { lookupById } from "./lookup.js";

/** A session lives as long as the refresh tokens it hands out (30 days), unless revoked sooner. */
export const SESSION_TTL_SECONDS = 30 * 24 * 3600;

export type SessionStatus = "active" | "expired" | "revoked";

const sessions = lookupById((state) => state.sessions, "Session");
export const findSession = sessions.find;
/** The session with this id, or the 404 WorkOS answers. */
export const getSession = sessions.get;

export function sessionExpiresAt(session: SessionRecord): string {
  return new Date(Date.parse(session.created_at) + SESSION_TTL_SECONDS * 1000).toISOString();
}

export function sessionStatus(ctx: StoreContext, session: SessionRecord): SessionStatus {
  if (session.revoked) return "revoked";
  return Date.parse(sessionExpiresAt(session)) <= ctx.now() * 1000 ? "expired" : "active";
}

/**
 * `userManagement.listSessions`: the user's active sessions only, as the spec describes
 * `GET /user_management/users/{id}/sessions` ("all active sessions for a specific user").
 */
export function listActiveUserSessions(ctx: StoreContext, userId: string): SessionRecord[] {
  return ctx.state.sessions.filter((session) => session.user_id === userId && sessionStatus(ctx, session) === "active");
}

/**
 * Every completed sign-in opens a session that stays in the persisted state for its 30 days: a
 * script signing in in a loop (or `--auto-login`) would grow it without bound. Far more than a
 * developer's sign-ins in a month.
 */
export const MAX_SESSIONS = 10_000;

/**
 * Makes room for one more session: evicts the oldest, revoked or expired ones first, then active ones,
 * with their refresh tokens (which cannot outlive the session anyway).
 */
function makeRoomForSession(ctx: StoreContext): void {
  const excess = ctx.state.sessions.length - MAX_SESSIONS + 1;
  if (excess <= 0) return;
  const ended = ctx.state.sessions.filter((session) => sessionStatus(ctx, session) !== "active");
  const active = ctx.state.sessions.filter((session) => sessionStatus(ctx, session) === "active");
  const evicted = new Set([...ended, ...active].slice(0, excess).map((session) => session.id));
  removeWhere(ctx.state.sessions, (session) => evicted.has(session.id));
  removeWhere(ctx.state.refreshTokens, (record) => evicted.has(record.session_id));
}

/**
 * Opens a session for a completed sign-in, evicting beyond {@link MAX_SESSIONS}, and saves.
 *
 * @example
 * const session = openSession(ctx, { id, user_id, organization_id, client_id, auth_method: "password" });
 */
export function openSession(
  ctx: StoreContext,
  input: Pick<SessionRecord, "id" | "user_id" | "organization_id" | "client_id"> &
    Partial<Pick<SessionRecord, "auth_method" | "ip_address" | "user_agent">>,
): SessionRecord {
  makeRoomForSession(ctx);
  const session: SessionRecord = {
    auth_method: "unknown",
    ip_address: null,
    user_agent: null,
    ...input,
    created_at: isoNow(ctx),
    revoked: false,
    ended_at: null,
  };
  insertRecord(ctx, "sessions", session);
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
