import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { ApiError } from "../http/api-error.js";
import { BodyReader } from "../http/body-reader.js";

/**
 * `userManagement.revokeSession`: POST /user_management/sessions/revoke `{ session_id }`.
 * Only flags the session: the OAuth token endpoint checks `revoked` and refuses every refresh
 * token of that session from then on, and userinfo/introspection report it inactive.
 */
export function sessionsRouter(ctx: EmulatorContext): Router {
  const router = Router();

  router.post("/user_management/sessions/revoke", (req, res) => {
    const body = new BodyReader(req.body);
    const sessionId = body.requiredString("session_id");
    body.finish();
    const session = ctx.state.sessions.find((candidate) => candidate.id === sessionId);
    if (session === undefined || sessionId === undefined) throw ApiError.notFound("Session", sessionId ?? "");
    session.revoked = true;
    ctx.save();
    res.json({});
  });

  return router;
}
