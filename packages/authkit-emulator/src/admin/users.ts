import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { serializeUser } from "../api/serialize.js";
import { BodyReader } from "../http/body-reader.js";
import { newId } from "../store/ids.js";
import type { UserRecord } from "../store/types.js";

/** POST /_emulator/users `{ email, password?, first_name?, last_name?, email_verified? }` → 201 user. */
export function adminUsersRouter(ctx: EmulatorContext): Router {
  const router = Router();

  router.post("/_emulator/users", (req, res) => {
    const body = new BodyReader(req.body);
    const email = body.requiredEmail("email");
    const password = body.optionalString("password");
    const firstName = body.optionalString("first_name") ?? null;
    const lastName = body.optionalString("last_name") ?? null;
    const emailVerified = body.optionalBoolean("email_verified") ?? true;
    if (email !== undefined && ctx.state.users.some((user) => user.email === email)) {
      body.fail("email", "email_not_available");
    }
    body.finish();

    const now = new Date(ctx.now() * 1000).toISOString();
    const user: UserRecord = {
      object: "user",
      id: newId("user"),
      email: email as string,
      first_name: firstName,
      last_name: lastName,
      email_verified: emailVerified,
      profile_picture_url: null,
      last_sign_in_at: null,
      external_id: null,
      metadata: {},
      created_at: now,
      updated_at: now,
      ...(password === undefined ? {} : { password }),
    };
    ctx.state.users.push(user);
    ctx.save();
    res.status(201).json(serializeUser(user));
  });

  return router;
}
