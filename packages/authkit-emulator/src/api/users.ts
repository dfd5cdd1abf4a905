import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { BodyReader } from "../http/body-reader.js";
import { MAX_METADATA_KEYS } from "../store/metadata.js";
import { listUserSessions } from "../store/sessions.js";
import {
  createUser,
  deleteUser,
  getUser,
  getUserByExternalId,
  listUsers,
  updateUser,
  type UserInput,
} from "../store/users.js";
import { paginate, queryString } from "./pagination.js";
import { serializeSession, serializeUser } from "./serialize.js";

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
    const input = readUserFields(body);
    body.finish();
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
    const input = readUserFields(body);
    body.finish();
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

  router.get("/user_management/users/:id/sessions", (req, res) => {
    const user = getUser(ctx, req.params.id);
    const sessions = listUserSessions(ctx, user.id);
    res.json(paginate(sessions, req.query as Record<string, unknown>, (session) => serializeSession(ctx, session)));
  });

  return router;
}

/**
 * The fields `serializeCreateUserOptions` / `serializeUpdateUserOptions` send that the emulator
 * models. `password_hash` is refused: the emulator keeps plain development passwords only.
 */
function readUserFields(body: BodyReader): UserInput {
  const input: UserInput = {
    password: body.optionalString("password"),
    name: body.optionalNullableString("name"),
    first_name: body.optionalNullableString("first_name"),
    last_name: body.optionalNullableString("last_name"),
    email_verified: body.optionalBoolean("email_verified"),
    external_id: body.optionalNullableString("external_id"),
    locale: body.optionalNullableString("locale"),
    metadata: body.optionalMetadata("metadata", MAX_METADATA_KEYS),
  };
  if (body.has("password_hash")) body.fail("password_hash", "password_hash_not_supported");
  return input;
}
