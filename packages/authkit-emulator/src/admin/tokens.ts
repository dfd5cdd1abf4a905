import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { issueAccessToken, type IssueAccessTokenInput } from "../test-tokens/issue-access-token.js";

/**
 * POST /_emulator/tokens `{ user, organization?, scopes?, resource?, ttlSeconds?, claims?, clientId? }`
 * → 201 `{ access_token, refresh_token?, id_token?, expires_at, session_id, client_id }`: the HTTP
 * face of `emulator.issueAccessToken()`, for test suites in other processes or languages. The
 * admin API's protections apply (JSON only, no cross-site callers).
 */
export function adminTokensRouter(ctx: EmulatorContext): Router {
  const router = Router();
  router.post("/_emulator/tokens", async (req, res, next) => {
    try {
      const issued = await issueAccessToken(ctx, req.body as IssueAccessTokenInput);
      res.status(201).json({
        access_token: issued.accessToken,
        ...(issued.refreshToken === undefined ? {} : { refresh_token: issued.refreshToken }),
        ...(issued.idToken === undefined ? {} : { id_token: issued.idToken }),
        expires_at: issued.expiresAt.toISOString(),
        session_id: issued.sessionId,
        client_id: issued.clientId,
      });
    } catch (error) {
      next(error);
    }
  });
  return router;
}
