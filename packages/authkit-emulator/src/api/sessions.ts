import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { BodyReader } from "../http/body-reader.js";
import { getSession, revokeSession } from "../store/sessions.js";

/**
 * `userManagement.revokeSession`: POST /user_management/sessions/revoke `{ session_id }`.
 * (`listSessions` lives with the users: GET /user_management/users/:id/sessions.)
 */
export function sessionsRouter(ctx: EmulatorContext): Router {
  const router = Router();

  router.post("/user_management/sessions/revoke", (req, res) => {
    const body = new BodyReader(req.body);
    const sessionId = body.requiredString("session_id");
    body.finish();
    revokeSession(ctx, getSession(ctx, sessionId as string));
    res.json({});
  });

  return router;
}
