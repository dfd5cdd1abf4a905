import type { GuardDecision, GuardRequest } from "../core/guard.js";
import type { HttpAnswer } from "../core/http-answer.js";
import type { WorkOSAuth } from "../core/workos-auth.js";
import type { AuthInfo } from "../session/auth-info.js";
import { toResponse } from "./http-answer-response.js";

/** What the guard runs once a request may go on; `authInfo` is set when the request was authenticated. */
export type GuardedHandler = (authInfo: AuthInfo | undefined) => Promise<Response> | Response;

/** One request through the guard: a discovery document, a challenge, or `next` run with the caller's session. */
export type FetchGuard = (request: Request, next: GuardedHandler) => Promise<Response>;

/**
 * Translates the core to the Fetch API (`Request` → `Response`), for runtimes whose handlers are
 * web functions (Cloudflare Workers, Next.js route handlers): serves the discovery documents,
 * guards `mcpPath` and everything below it, and runs `next` inside the caller's session, so tools
 * reached through it can call `getSession()`. Every other path goes to `next` untouched.
 *
 * @example
 * const guard = createFetchGuard(createWorkOSAuth({ ... }));
 * export default { fetch: (request: Request) => guard(request, () => handle(request)) };
 */
export function createFetchGuard(auth: WorkOSAuth): FetchGuard {
  return guardRoutedBy(auth, (request) => new URL(request.url).pathname);
}

/**
 * {@link createFetchGuard} deciding every request as one to `mcpPath`, for a guard that wraps the
 * MCP handler itself (a Next.js route): whichever path the framework routed there (a route folder
 * other than `mcpPath`, a percent-encoded spelling its router decodes) is authenticated, never
 * let through because its raw path is not `mcpPath`.
 */
export function createHandlerGuard(auth: WorkOSAuth): FetchGuard {
  return guardRoutedBy(auth, () => auth.mcpPath);
}

function guardRoutedBy(auth: WorkOSAuth, pathnameOf: (request: Request) => string): FetchGuard {
  const act = (request: Request, next: GuardedHandler, decision: GuardDecision): Promise<Response> | Response => {
    if (decision.action === "pass") return next(undefined);
    if (decision.action === "answer") return answerResponse(decision.answer, request.method);
    const { authenticated } = decision;
    return auth.runWithSession(authenticated, () => next(authenticated.authInfo));
  };
  return function guard(request, next) {
    try {
      // The core's one order of checks (discovery, Origin, preflight, token), as Express and Fastify run it.
      const decided = auth.decide(guardRequestOf(request, pathnameOf(request)));
      // A cached token needs no I/O, and the handler's own promise is returned as it is: no async
      // wrapper re-resolving it, whose extra promises every enabled AsyncLocalStorage (Next.js
      // runs several) would be propagated into.
      if (decided instanceof Promise) return decided.then((decision) => act(request, next, decision));
      return Promise.resolve(act(request, next, decided));
    } catch (error) {
      return Promise.reject(error);
    }
  };
}

/** The parts of a Fetch API request the core's guard reads, with the path it is decided on. */
export function guardRequestOf(request: Request, pathname: string): GuardRequest {
  // Read once: in a Next.js route handler `request` is a Proxy whose `headers` getter records
  // dynamic usage on every read.
  const { headers } = request;
  return {
    method: request.method,
    pathname,
    origin: headers.get("origin"),
    accessControlRequestMethod: headers.get("access-control-request-method"),
    authorization: headers.get("authorization"),
  };
}

/**
 * The answer as a `Response`, readable from any origin. The challenge is answered here, before the
 * application's own CORS handling (xmcp's Worker adds its headers only to what it answers), so
 * browser-based MCP clients could not read it otherwise. It is the same for every caller and
 * carries no credential.
 */
export function answerResponse(answer: HttpAnswer, method: string): Response {
  const readable: HttpAnswer = { ...answer, headers: { "access-control-allow-origin": "*", ...answer.headers } };
  return toResponse(readable, method);
}
