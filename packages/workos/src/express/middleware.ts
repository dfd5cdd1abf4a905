import type { Request, RequestHandler, Response } from "express";
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
  const { authenticate, logger } = options;
  const resourceURL = new URL(options.resource);
  // Express matches routes case-insensitively by default, so xmcp serves `/MCP` as `/mcp`: the
  // guard must match the same way or a change of case would walk past it.
  const mcpPath = options.mcpPath.toLowerCase();
  const prefix = mcpPath.endsWith("/") ? mcpPath : `${mcpPath}/`;

  function reject(res: Response, error: unknown, path: string): void {
    const failure =
      error instanceof WorkOSAuthError ? error : new WorkOSAuthError("invalid_token", "Token verification failed", { cause: error });
    safely(() =>
      error instanceof WorkOSAuthError
        ? logger.debug("[WorkOS] Request rejected", { code: failure.code, path })
        : logger.error("[WorkOS] Unexpected verification failure", { reason: String(error) }),
    );
    const answer = errorResponse(failure, options);
    exposeChallenge(res);
    res.status(answer.status).set(answer.headers).json(answer.body);
  }

  // Not an async function: Express 4 (inside xmcp) drops the promise a middleware returns, so a
  // throw after an await would become an unhandled rejection that ends the process.
  return (req, res, next) => {
    const path = req.path.toLowerCase();
    if ((path !== mcpPath && !path.startsWith(prefix)) || isPreflight(req)) return next();

    authenticate(req.headersDistinct.authorization)
      .then(
        (authenticated) => {
          req.auth = toAuthInfo(authenticated, resourceURL);
          runWithRequestContext({ ...options.context, ...authenticated }, () => next());
        },
        (error: unknown) => reject(res, error, path),
      )
      .catch((error: unknown) => {
        // Only reached if answering failed (a throwing logger, a closed socket): hand the error to
        // Express rather than lose it; the request was never let through.
        if (!res.headersSent) next(error);
      });
  };
}

/**
 * CORS preflights carry no credentials by design (Fetch standard §3.2.2), so the server answers
 * them unauthenticated. A preflight is an OPTIONS request that names `Access-Control-Request-Method`;
 * any other OPTIONS request reaches the application like a GET and is authenticated like one.
 */
function isPreflight(req: Request): boolean {
  return req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
}

/** A logger supplied by the application must not be able to break request handling. */
function safely(log: () => void): void {
  try {
    log();
  } catch {
    // ignored on purpose
  }
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
