import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { ApiError } from "../http/api-error.js";
import { BodyReader } from "../http/body-reader.js";
import { findSession, revokeSession } from "../store/sessions.js";

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
    const session = findSession(ctx, sessionId as string);
    // The spec answers this route 200 or 400 `{ message }` (no 404, no code): an unknown session is that 400.
    if (session === undefined) {
      throw new ApiError("bad_request", `Session not found: '${sessionId}'.`, { messageOnly: true });
    }
    revokeSession(ctx, session);
    res.json({});
  });

  return router;
}
