import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { serializeUser } from "../api/serialize.js";
import { BodyReader } from "../http/body-reader.js";
import { createUser } from "../store/users.js";

/**
 * POST /_emulator/users `{ email, password?, first_name?, last_name?, email_verified? }` → 201 user.
 * Unlike the REST API's create, the email is verified unless told otherwise: such users sign in at once.
 */
export function adminUsersRouter(ctx: EmulatorContext): Router {
  const router = Router();

  router.post("/_emulator/users", (req, res) => {
    const body = new BodyReader(req.body);
    const email = body.requiredEmail("email");
    const password = body.optionalString("password");
    const firstName = body.optionalString("first_name") ?? null;
    const lastName = body.optionalString("last_name") ?? null;
    const emailVerified = body.optionalBoolean("email_verified") ?? true;
    body.finish();
    const user = createUser(ctx, {
      email: email as string,
      password,
      first_name: firstName,
      last_name: lastName,
      email_verified: emailVerified,
    });
    res.status(201).json(serializeUser(user));
  });

  return router;
}
