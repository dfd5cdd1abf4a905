import type { WorkOSConfig } from "../config/types.js";
import { createWorkOSAuth } from "../core/workos-auth.js";
import type { ProviderStats } from "../metrics/provider-metrics.js";
import type { AuthInfo } from "../session/auth-info.js";
import { createHandlerGuard } from "./fetch-guard.js";
import { toResponse } from "./http-answer-response.js";

type RouteHandler = (request: Request) => Promise<Response>;

export interface WorkOSNextjs {
  /**
   * Guards the `@xmcp/adapter` handler in `app/mcp/route.ts`: answers the challenge, sets
   * `request.auth` (the adapter hands it to tools as `extra.authInfo`), and runs the handler inside
   * the caller's session.
   */
  protect(handler: RouteHandler): RouteHandler;
  /** `GET` and `OPTIONS` of the `.well-known` routes: the RFC 9728 and RFC 8414 documents. */
  discovery: RouteHandler;
  /** This server process's running totals (token cache hits and misses, verifications, failures by code). */
  stats(): ProviderStats;
}

/**
 * WorkOS AuthKit for an xmcp server inside a Next.js app (`experimental.adapter: "nextjs"`).
 * xmcp's own `withAuth` answers every failure as `401 invalid_token` and points clients at the
 * root metadata document; `protect` gives each failure its code (403 for a missing scope, 503
 * when AuthKit's keys cannot be fetched) and opens the session that `getSession()` reads.
 *
 * @example
 * // app/mcp/route.ts
 * import { xmcpHandler } from "@xmcp/adapter";
 * const handler = workos.protect(xmcpHandler);
 * export { handler as GET, handler as POST };
 * // app/.well-known/oauth-protected-resource/[[...path]]/route.ts (and oauth-authorization-server/route.ts)
 * export const { discovery: GET, discovery: OPTIONS } = workos;
 */
export function workosNextjs(options: WorkOSConfig): WorkOSNextjs {
  const auth = createWorkOSAuth(options);
  // `protect` wraps the MCP route itself: every request that reaches it is authenticated, whatever its path.
  const guard = createHandlerGuard(auth);
  return {
    protect: (handler) => (request) =>
      guard(request, (authInfo) => {
        if (authInfo) (request as Request & { auth?: AuthInfo }).auth = authInfo;
        return handler(request);
      }),
    discovery: async (request) => {
      const answer = auth.discovery(request.method, new URL(request.url).pathname);
      return answer ? toResponse(await answer, request.method) : new Response(null, { status: 404 });
    },
    stats: () => auth.stats(),
  };
}
