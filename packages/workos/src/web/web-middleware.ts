import type { WorkOSAuth } from "../core/workos-auth.js";
import type { AuthInfo } from "../session/auth-info.js";
import { currentRequestContext } from "../session/request-context.js";
import { answerResponse, guardRequestOf } from "./fetch-guard.js";

/**
 * xmcp's `WebMiddleware` (exported by `xmcp/cloudflare`), declared here so the plugin's types do
 * not depend on xmcp's. xmcp's Workers build calls it before the MCP handler, for the MCP
 * endpoint only, and hands whatever it passes to `setAuth` to tools as `extra.authInfo`.
 */
export interface WebMiddlewareContext {
  auth?: AuthInfo;
  setAuth(auth: AuthInfo): void;
}
export type WebMiddleware = (request: Request, context: WebMiddlewareContext) => Promise<Response | void>;

/**
 * The `src/middleware.ts` of an xmcp Workers build. xmcp runs it before the tool, not around it,
 * so it cannot open the session itself: the Worker's fetch handler (`workosCloudflare().worker()`)
 * authenticates the request and runs all of xmcp inside the session, and the middleware hands
 * that caller to xmcp as `AuthInfo`. Deployed behind xmcp's own fetch handler instead, it still
 * checks the Origin and the token and answers the challenge, so the endpoint is never open; it
 * warns once that tools have no session there.
 */
export function createWebMiddleware(auth: WorkOSAuth): WebMiddleware {
  let warned = false;

  return async (request, { setAuth }) => {
    // Only a session this provider opened: a Worker with two providers (two resources) must not
    // hand one provider's caller to the other's endpoint unverified.
    // The guard built this request's AuthInfo (its own resource URL) when it authenticated it.
    const opened = currentRequestContext()?.opened;
    if (opened?.by === auth) {
      setAuth(opened.authInfo);
      return;
    }

    if (!warned) {
      warned = true;
      auth.logger.warn(
        "[WorkOS] The MCP endpoint is served by xmcp's own fetch handler: tokens are verified, but the discovery documents are not served and getSession() has no session. Make wrangler's main the module that exports workosCloudflare().worker(xmcpWorker)",
      );
    }
    // xmcp calls the middleware for the MCP endpoint only: the core's whole order of checks on
    // mcpPath, the Origin check (DNS rebinding) included, not the token alone.
    const decision = await auth.guard(guardRequestOf(request, auth.mcpPath));
    if (decision.action === "answer") return answerResponse(decision.answer, request.method);
    if (decision.action === "authenticated") setAuth(decision.authenticated.authInfo);
  };
}
