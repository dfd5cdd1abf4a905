import type { IncomingMessage, ServerResponse } from "node:http";
import { isCorsPreflight } from "../core/cors-preflight.js";
import { pathnameOf } from "../core/request-target.js";
import type { HttpAnswer } from "../core/http-answer.js";
import type { WorkOSAuth } from "../core/workos-auth.js";
import { appendToHeaderList } from "../http/header-list.js";
import type { AuthInfo } from "../session/auth-info.js";

/** The parts of an Express 4/5 (or plain Node) request the middleware reads and writes. */
export type ExpressRequest = IncomingMessage & { auth?: AuthInfo };

/** An Express-compatible middleware; also fits Connect, NestJS on Express and `node:http`. */
export type ExpressMiddleware = (req: ExpressRequest, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * Translates the core to Express: serves the discovery documents, guards `mcpPath` and everything
 * below it, and lets every other path through. On success `req.auth` is the MCP `AuthInfo`
 * (xmcp hands it to tools as `extra.authInfo`) and the rest of the request runs with the session.
 * Written against `node:http` only, so it runs inside whichever Express xmcp bundles.
 *
 * @example
 * app.use(createExpressMiddleware(createWorkOSAuth({ ... })));
 */
export function createExpressMiddleware(auth: WorkOSAuth): ExpressMiddleware {
  // Not an async function: Express 4 (inside xmcp) drops the promise a middleware returns, so a
  // throw after an await would become an unhandled rejection that ends the process.
  return (req, res, next) => {
    const pathname = pathnameOf(req.url ?? "/");
    const method = req.method ?? "GET";
    const discovery = auth.discovery(method, pathname);
    const refusal = discovery || !auth.protects(pathname) ? undefined : auth.refuseOrigin(req.headers.origin);
    if (refusal) return write(res, refusal);
    const work = discovery
      ? discovery.then((answer) => write(res, answer))
      : !auth.protects(pathname) || isCorsPreflight(method, req.headers["access-control-request-method"])
        ? undefined
        : auth.authenticate(req.headersDistinct.authorization).then((result) => {
            if (!result.ok) return write(res, auth.challenge(result.error));
            req.auth = result.authInfo;
            auth.runWithSession(result, () => next());
          });
    if (!work) return next();
    // Only reached if answering failed (a closed socket): hand the error to Express rather than
    // lose it; the request was never let through.
    work.catch((error: unknown) => {
      if (!res.headersSent) next(error);
    });
  };
}

function write(res: ServerResponse, answer: HttpAnswer): void {
  for (const [name, value] of Object.entries(answer.headers)) {
    res.setHeader(name, name === "access-control-expose-headers" ? appendToHeaderList(res.getHeader(name), value) : value);
  }
  res.statusCode = answer.status;
  res.end(answer.body === null ? undefined : JSON.stringify(answer.body));
}
