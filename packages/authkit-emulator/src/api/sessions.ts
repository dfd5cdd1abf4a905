import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { ApiError } from "../http/api-error.js";
import { BodyReader } from "../http/body-reader.js";
import { findSession, revokeSession } from "../store/sessions.js";

/**
 * `userManagement.revokeSession`: POST /user_management/sessions/revoke `{ session_id }`.
 * (`listSessions` lives with the users: GET /user_management/users/:id/sessions.)
 *
 * `@workos/openapi-spec` (`UserlandSessionsController_revokeSession`) answers this route 200 or
 * 400 `{ message }` and nothing else: no 404, no 422, no `code`. So a missing or non-string
 * `session_id` (required by `UserlandRevokeSessionDto`) and an unknown session are all that 400,
 * which the SDK raises as `GenericServerException` with `status` 400.
 */
export function sessionsRouter(ctx: EmulatorContext): Router {
  const router = Router();

  router.post("/user_management/sessions/revoke", (req, res) => {
    const body = new BodyReader(req.body);
    const sessionId = body.requiredString("session_id");
    if (sessionId === undefined) {
      const message = body.has("session_id") ? "session_id must be a non-empty string." : "session_id is required.";
      throw new ApiError("bad_request", message, { messageOnly: true });
    }
    const session = findSession(ctx, sessionId);
    if (session === undefined) {
      throw new ApiError("bad_request", `Session not found: '${sessionId}'.`, { messageOnly: true });
    }
    revokeSession(ctx, session);
    res.json({});
  });

  return router;
}
