import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { ApiError } from "../http/api-error.js";
import { BodyReader } from "../http/body-reader.js";
import { MAX_EXTERNAL_ID_LENGTH } from "../store/metadata.js";
import { listActiveUserSessions } from "../store/sessions.js";
import {
  createUser,
  deleteUser,
  getUser,
  getUserByExternalId,
  listUsers,
  updateUser,
  userConflicts,
  type UserInput,
} from "../store/users.js";
import { paginate, queryString } from "./pagination.js";
import { serializeSession, serializeUser } from "./serialize.js";
import { SUPPORTED_LOCALES } from "./supported-locales.js";
import { userCreationError, userUpdateConflictError } from "./user-conflict-errors.js";

/**
 * `userManagement` users: list, create, get, get by external id, update, delete, identities
 * and sessions, under /user_management/users.
 */
export function usersRouter(ctx: EmulatorContext): Router {
  const router = Router();

  router.get("/user_management/users", (req, res) => {
    const query = req.query as Record<string, unknown>;
    const users = listUsers(ctx, {
      email: queryString(query, "email"),
      // `organization` is the deprecated spelling the API still accepts.
      organizationId: queryString(query, "organization_id") ?? queryString(query, "organization"),
    });
    res.json(paginate(users, query, serializeUser));
  });

  router.post("/user_management/users", (req, res) => {
    const body = new BodyReader(req.body);
    const email = body.requiredEmail("email");
    const input = readUserFields(body, "create");
    body.finish();
    const conflicts = userConflicts(ctx, { email, external_id: input.external_id });
    if (conflicts.length > 0) throw userCreationError(conflicts);
    res.status(201).json(serializeUser(createUser(ctx, { ...input, email: email as string })));
  });

  router.get("/user_management/users/external_id/:externalId", (req, res) => {
    res.json(serializeUser(getUserByExternalId(ctx, req.params.externalId)));
  });

  router.get("/user_management/users/:id", (req, res) => {
    res.json(serializeUser(getUser(ctx, req.params.id)));
  });

  router.put("/user_management/users/:id", (req, res) => {
    const user = getUser(ctx, req.params.id);
    const body = new BodyReader(req.body);
    const email = body.optionalEmail("email");
    const input = readUserFields(body, "update");
    body.finish();
    // `@workos/openapi-spec` types `UpdateUserlandUserDto.locale` as any string (or null, which
    // clears it) and lists `invalid_locale` among the route's 400s: a locale WorkOS does not support.
    if (typeof input.locale === "string" && !SUPPORTED_LOCALES.has(input.locale)) {
      throw new ApiError("invalid_locale", `Locale is invalid: '${input.locale}'.`);
    }
    const [conflict] = userConflicts(ctx, { email, external_id: input.external_id }, user.id);
    if (conflict !== undefined) throw userUpdateConflictError(conflict);
    res.json(serializeUser(updateUser(ctx, user, email === undefined ? input : { ...input, email })));
  });

  router.delete("/user_management/users/:id", (req, res) => {
    deleteUser(ctx, req.params.id);
    res.status(200).end();
  });

  // Users here sign in with password, magic code or SSO: none has an OAuth identity to list.
  router.get("/user_management/users/:id/identities", (req, res) => {
    getUser(ctx, req.params.id);
    res.json([]);
  });

  // The spec: "Get a list of all active sessions for a specific user".
  router.get("/user_management/users/:id/sessions", (req, res) => {
    const user = getUser(ctx, req.params.id);
    const sessions = listActiveUserSessions(ctx, user.id);
    res.json(paginate(sessions, req.query as Record<string, unknown>, (session) => serializeSession(ctx, session)));
  });

  return router;
}

/**
 * The fields `serializeCreateUserOptions` / `serializeUpdateUserOptions` send that the emulator
 * models. `password_hash` is refused: the emulator keeps plain development passwords only. On
 * create the spec (`CreateUserlandUserDto`) types `email_verified` and `password` `T | null`:
 * `null` there is the default (unverified, no password); on update it types them `T` alone.
 */
function readUserFields(body: BodyReader, operation: "create" | "update"): UserInput {
  const read = <T>(field: string, reader: (field: string) => T | undefined): T | undefined =>
    operation === "create" ? body.nullAsAbsent(field, reader) : reader(field);
  const input: UserInput = {
    password: read("password", (field) => body.optionalString(field)),
    name: body.optionalNullableString("name"),
    first_name: body.optionalNullableString("first_name"),
    last_name: body.optionalNullableString("last_name"),
    email_verified: read("email_verified", (field) => body.optionalBoolean(field)),
    external_id: body.optionalNullableString("external_id", MAX_EXTERNAL_ID_LENGTH),
    locale: body.optionalNullableString("locale"),
    metadata: body.optionalMetadata("metadata"),
  };
  if (body.has("password_hash")) body.fail("password_hash", "password_hash_not_supported");
  return input;
}
