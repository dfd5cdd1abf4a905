import type { RequestHandler, Response } from "express";
import { WorkOSAuthError } from "../errors.js";
import { errorResponse } from "../http/error-response.js";
import type { Logger } from "../logger.js";
import { runWithRequestContext, type RequestContext } from "../session/request-context.js";
import type { Authenticate } from "../verify/authenticate.js";
import { toAuthInfo, type AuthInfo } from "./auth-info.js";

declare module "express-serve-static-core" {
  interface Request {
    /** Set by @xmcp-dev/workos; MCP SDK handlers receive it as `extra.authInfo`. */
    auth?: AuthInfo;
  }
}

/**
 * Guards `mcpPath` and everything below it; other paths pass through untouched. On success the
 * rest of the request runs inside the request context, so tools can call `getSession()`.
 */
export function createBearerMiddleware(options: {
  mcpPath: string;
  authenticate: Authenticate;
  resource: string;
  resourceMetadataURL: string;
  requiredScopes: readonly string[];
  logger: Logger;
  context: Omit<RequestContext, "session" | "token">;
}): RequestHandler {
  const { mcpPath, authenticate, logger } = options;
  const resourceURL = new URL(options.resource);
  const prefix = mcpPath.endsWith("/") ? mcpPath : `${mcpPath}/`;

  return async (req, res, next) => {
    const path = req.path;
    // CORS preflights carry no credentials by design (Fetch standard); let the server answer them.
    if ((path !== mcpPath && !path.startsWith(prefix)) || req.method === "OPTIONS") return next();

    let authenticated;
    try {
      authenticated = await authenticate(req.headersDistinct.authorization);
    } catch (error) {
      const failure =
        error instanceof WorkOSAuthError ? error : new WorkOSAuthError("invalid_token", "Token verification failed", { cause: error });
      if (!(error instanceof WorkOSAuthError)) logger.error("[WorkOS] Unexpected verification failure", { reason: String(error) });
      else logger.debug("[WorkOS] Request rejected", { code: failure.code, path });
      const answer = errorResponse(failure, options);
      exposeChallenge(res);
      res.status(answer.status).set(answer.headers).json(answer.body);
      return;
    }

    req.auth = toAuthInfo(authenticated, resourceURL);
    runWithRequestContext({ ...options.context, ...authenticated }, () => next());
  };
}

/**
 * Browser-based MCP clients (the MCP Inspector, web hosts) can read `WWW-Authenticate` only if
 * CORS exposes it; xmcp's default CORS list does not, so it is added to whatever is there.
 */
function exposeChallenge(res: Response): void {
  const current = res.getHeader("access-control-expose-headers");
  const list = typeof current === "string" && current !== "" ? current : undefined;
  if (list && /(^|,)\s*www-authenticate\s*(,|$)/i.test(list)) return;
  res.setHeader("access-control-expose-headers", list ? `${list}, WWW-Authenticate` : "WWW-Authenticate");
}
