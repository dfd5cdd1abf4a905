import type { IncomingMessage, ServerResponse } from "node:http";
import { pathnameOf } from "../core/request-target.js";
import { actOnDecision, type GuardDecision } from "../core/guard.js";
import type { HttpAnswer } from "../core/http-answer.js";
import type { WorkOSAuth } from "../core/workos-auth.js";
import { appendToHeaderList } from "../http/header-list.js";
import { authorizationHeaders } from "../http/raw-headers.js";
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
    const act = (decision: GuardDecision) => {
      if (decision.action === "pass") return next();
      if (decision.action === "answer") return write(res, decision.answer);
      req.auth = decision.authenticated.authInfo;
      auth.runWithSession(decision.authenticated, () => next());
    };
    // Only reached if answering failed (a closed socket): hand the error to Express rather than
    // lose it; the request was never let through.
    const fail = (error: unknown) => {
      if (!res.headersSent) next(error);
    };
    actOnDecision(auth, {
      method: req.method ?? "GET",
      pathname: pathnameOf(req.url ?? "/"),
      origin: req.headers.origin,
      accessControlRequestMethod: req.headers["access-control-request-method"],
      authorization: authorizationHeaders(req.rawHeaders),
    }, act, fail);
  };
}

function write(res: ServerResponse, answer: HttpAnswer): void {
  for (const [name, value] of Object.entries(answer.headers)) {
    res.setHeader(name, name === "access-control-expose-headers" ? appendToHeaderList(res.getHeader(name), value) : value);
  }
  res.statusCode = answer.status;
  res.end(answer.body === null ? undefined : JSON.stringify(answer.body));
}
