import { ApiError } from "../http/api-error.js";
import { newId } from "./ids.js";
import { applyMetadataChanges } from "./metadata.js";
import { removeWhere } from "./remove-where.js";
import { isoNow, type StoreContext, insertRecord } from "./store-context.js";
import type { UserRecord } from "./types.js";
import { lookupById, requireRecord } from "./lookup.js";

export interface UserInput {
  email?: string;
  password?: string;
  name?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  email_verified?: boolean;
  external_id?: string | null;
  locale?: string | null;
  /** Merged into the current metadata: a string sets a key, `null` deletes it, `{}` deletes every key. */
  metadata?: Record<string, string | null>;
}

/** WorkOS's `name` is the full name; users stored before it existed get first and last name joined. */
export function fullName(firstName: string | null, lastName: string | null): string | null {
  const joined = [firstName, lastName].filter((part) => part !== null && part !== "").join(" ");
  return joined === "" ? null : joined;
}

/** Fill what data files written by older versions lack, so every record has the wire shape. */
export function upgradeUser(user: UserRecord): void {
  if (user.name === undefined) user.name = fullName(user.first_name, user.last_name);
  user.locale ??= null;
  user.external_id ??= null;
  user.metadata ??= {};
}

const users = lookupById((state) => state.users, "User");
export const findUser = users.find;
/** The user with this id, or the 404 WorkOS answers. */
export const getUser = users.get;

/** Emails are unique per environment and compared case-insensitively. */
export function findUserByEmail(ctx: StoreContext, email: string): UserRecord | undefined {
  const wanted = email.trim().toLowerCase();
  return ctx.state.users.find((user) => user.email.toLowerCase() === wanted);
}

export function getUserByExternalId(ctx: StoreContext, externalId: string): UserRecord {
  return requireRecord(ctx.state.users.find((candidate) => candidate.external_id === externalId), "User", externalId);
}

export function listUsers(ctx: StoreContext, filter: { email?: string; organizationId?: string }): UserRecord[] {
  const email = filter.email?.toLowerCase();
  const members =
    filter.organizationId === undefined
      ? undefined
      : new Set(ctx.state.memberships.filter((m) => m.organization_id === filter.organizationId).map((m) => m.user_id));
  return ctx.state.users.filter(
    (user) => (email === undefined || user.email.toLowerCase() === email) && (members === undefined || members.has(user.id)),
  );
}

/** A unique user field another user already holds. */
export type UserConflict = "email" | "external_id";

/**
 * Which of the unique fields (email, external id) another user than `self` already holds. The
 * REST API and the admin API answer a conflict differently, so the store reports it as data.
 */
export function userConflicts(ctx: StoreContext, input: Pick<UserInput, "email" | "external_id">, self?: string): UserConflict[] {
  const conflicts: UserConflict[] = [];
  if (input.email !== undefined) {
    const other = findUserByEmail(ctx, input.email);
    if (other !== undefined && other.id !== self) conflicts.push("email");
  }
  if (input.external_id !== undefined && input.external_id !== null) {
    if (ctx.state.users.some((user) => user.external_id === input.external_id && user.id !== self)) conflicts.push("external_id");
  }
  return conflicts;
}

/**
 * WorkOS's code for each conflict (`@workos/openapi-spec`, `PUT /user_management/users/{id}`).
 * The one table: the REST API answers with these codes in WorkOS's shapes (see
 * `api/user-conflict-errors.ts`), the admin API's 422 names the field with the same code.
 */
export const USER_CONFLICT_CODES = {
  email: "email_not_available",
  external_id: "external_id_already_used",
} as const satisfies Record<UserConflict, string>;

/** Last guard of uniqueness, for callers that did not check `userConflicts` first (the admin API): a 422 naming the field. */
function checkUnique(ctx: StoreContext, input: UserInput, self: string | undefined): void {
  const conflicts = userConflicts(ctx, input, self);
  if (conflicts.length > 0) throw ApiError.validation(conflicts.map((field) => ({ field, code: USER_CONFLICT_CODES[field] })));
}

/**
 * Adds a user and saves. `email` is required; the rest default as WorkOS defaults them
 * (unverified email, no name, empty metadata).
 *
 * @example
 * const user = createUser(ctx, { email: "eve@acme.test", first_name: "Eve" });
 */
export function createUser(ctx: StoreContext, input: UserInput & { email: string }): UserRecord {
  checkUnique(ctx, input, undefined);
  const now = isoNow(ctx);
  const firstName = input.first_name ?? null;
  const lastName = input.last_name ?? null;
  const user: UserRecord = {
    object: "user",
    id: newId("user"),
    email: input.email.toLowerCase(),
    first_name: firstName,
    last_name: lastName,
    name: input.name ?? fullName(firstName, lastName),
    email_verified: input.email_verified ?? false,
    profile_picture_url: null,
    last_sign_in_at: null,
    locale: input.locale ?? null,
    external_id: input.external_id ?? null,
    metadata: applyMetadataChanges({}, input.metadata ?? {}),
    created_at: now,
    updated_at: now,
    ...(input.password === undefined ? {} : { password: input.password }),
  };
  insertRecord(ctx, "users", user);
  return user;
}

/** Applies the given fields (others unchanged), bumps `updated_at` and saves. */
export function updateUser(ctx: StoreContext, user: UserRecord, input: UserInput): UserRecord {
  checkUnique(ctx, input, user.id);
  const { email, metadata, ...rest } = input;
  // Before any field changes: refused metadata leaves the user as it was.
  const nextMetadata = metadata === undefined ? user.metadata : applyMetadataChanges(user.metadata, metadata);
  const defined = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  Object.assign(user, defined, email === undefined ? {} : { email: email.toLowerCase() });
  user.metadata = nextMetadata;
  if (input.name === undefined && (input.first_name !== undefined || input.last_name !== undefined)) {
    user.name = fullName(user.first_name, user.last_name);
  }
  user.updated_at = isoNow(ctx);
  ctx.save();
  return user;
}

/** Records a sign-in on the user (`last_sign_in_at`) and saves. */
export function recordSignIn(ctx: StoreContext, userId: string, at: string): void {
  const user = findUser(ctx, userId);
  if (user === undefined) return;
  user.last_sign_in_at = at;
  ctx.save();
}

/**
 * Deletes the user with everything that only exists through them: memberships, sessions and the
 * refresh tokens of those sessions (their tokens stop working at once).
 */
export function deleteUser(ctx: StoreContext, id: string): void {
  getUser(ctx, id);
  const { state } = ctx;
  const sessions = new Set(state.sessions.filter((session) => session.user_id === id).map((session) => session.id));
  removeWhere(state.users, (user) => user.id === id);
  removeWhere(state.memberships, (membership) => membership.user_id === id);
  removeWhere(state.invitations, (invitation) => invitation.accepted_user_id === id && invitation.state === "pending");
  removeWhere(state.sessions, (session) => session.user_id === id);
  removeWhere(state.refreshTokens, (token) => sessions.has(token.session_id));
  ctx.save();
}
