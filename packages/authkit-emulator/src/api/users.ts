import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { BodyReader } from "../http/body-reader.js";
import type { UserRecord } from "../store/types.js";
import { findById } from "./find-by-id.js";
import { paginate, queryString } from "./pagination.js";
import { serializeUser } from "./serialize.js";

/**
 * `userManagement.getUser / listUsers / updateUser`:
 * GET /user_management/users, GET and PUT /user_management/users/:id.
 */
export function usersRouter(ctx: EmulatorContext): Router {
  const router = Router();

  router.get("/user_management/users", (req, res) => {
    const query = req.query as Record<string, unknown>;
    const email = queryString(query, "email")?.toLowerCase();
    const organizationId = queryString(query, "organization_id");
    const members =
      organizationId === undefined
        ? undefined
        : new Set(ctx.state.memberships.filter((m) => m.organization_id === organizationId).map((m) => m.user_id));
    const users = ctx.state.users.filter(
      (user) => (email === undefined || user.email === email) && (members === undefined || members.has(user.id)),
    );
    res.json(paginate(users.map(serializeUser), query));
  });

  router.get("/user_management/users/:id", (req, res) => {
    res.json(serializeUser(findById(ctx.state.users, req.params.id, "User")));
  });

  router.put("/user_management/users/:id", (req, res) => {
    const user = findById(ctx.state.users, req.params.id, "User");
    const changes = readUserUpdate(ctx, user, req.body);
    Object.assign(user, changes, { updated_at: new Date(ctx.now() * 1000).toISOString() });
    ctx.save();
    res.json(serializeUser(user));
  });

  return router;
}

/** The fields `serializeUpdateUserOptions` sends that the emulator models; the rest are ignored. */
function readUserUpdate(ctx: EmulatorContext, user: UserRecord, rawBody: unknown): Partial<UserRecord> {
  const body = new BodyReader(rawBody);
  const changes: Partial<UserRecord> = {};
  const email = body.optionalEmail("email");
  if (email !== undefined) {
    const taken = ctx.state.users.some((other) => other.id !== user.id && other.email === email);
    if (taken) body.fail("email", "email_not_available");
    else changes.email = email;
  }
  const firstName = body.optionalString("first_name");
  if (firstName !== undefined) changes.first_name = firstName;
  const lastName = body.optionalString("last_name");
  if (lastName !== undefined) changes.last_name = lastName;
  const emailVerified = body.optionalBoolean("email_verified");
  if (emailVerified !== undefined) changes.email_verified = emailVerified;
  const password = body.optionalString("password");
  if (password !== undefined) changes.password = password;
  const externalId = body.optionalString("external_id");
  if (externalId !== undefined) changes.external_id = externalId;
  const metadata = readMetadata(body, user.metadata);
  if (metadata !== undefined) changes.metadata = metadata;
  body.finish();
  return changes;
}

/** WorkOS merges metadata: a string sets a key, `null` deletes it; at most 10 keys. */
function readMetadata(body: BodyReader, current: Record<string, string>): Record<string, string> | undefined {
  const raw = body.raw("metadata");
  if (raw === undefined) return undefined;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return body.fail("metadata", "metadata_must_be_object");
  const merged = { ...current };
  for (const [key, value] of Object.entries(raw)) {
    if (value === null) delete merged[key];
    else if (typeof value === "string") merged[key] = value;
    else return body.fail(`metadata.${key}`, "metadata_value_must_be_string");
  }
  if (Object.keys(merged).length > 10) return body.fail("metadata", "metadata_too_many_keys");
  return merged;
}
