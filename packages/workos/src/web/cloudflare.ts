import type { WorkOSConfig } from "../config/types.js";
import { createWorkOSAuth } from "../core/workos-auth.js";
import type { ProviderStats } from "../metrics/provider-metrics.js";
import { createFetchGuard } from "./fetch-guard.js";
import { createWebMiddleware, type WebMiddleware } from "./web-middleware.js";

/** A Worker's module export: what `xmcp build --cf` writes to `worker.js`, and what wrangler's `main` exports. */
export interface WorkerEntry<Env = unknown, Ctx = unknown> {
  fetch(request: Request, env: Env, ctx: Ctx): Promise<Response> | Response;
}

export interface WorkOSCloudflare {
  /** The default export of `src/middleware.ts`: hands the caller to xmcp as `extra.authInfo`. */
  middleware: WebMiddleware;
  /**
   * Wraps the Worker `xmcp build --cf` generates. xmcp's fetch handler answers only the MCP
   * endpoint and calls middleware only there, so the discovery documents, the challenge and the
   * session (which must surround the tool, and a middleware that runs before it cannot) live here.
   */
  worker<Env, Ctx>(xmcpWorker: WorkerEntry<Env, Ctx>): { fetch(request: Request, env: Env, ctx: Ctx): Promise<Response> };
  /** This isolate's running totals (token cache hits and misses, verifications, failures by code). */
  stats(): ProviderStats;
}

/**
 * WorkOS AuthKit for an xmcp server on Cloudflare Workers (`xmcp build --cf`, `nodejs_compat`).
 * Build it once, in a module both `src/middleware.ts` and the Worker entry import.
 *
 * @example
 * // src/auth.ts
 * export const workos = workosCloudflare({ apiKey, clientId, baseURL, authkitDomain });
 * // src/middleware.ts
 * export default workos.middleware;
 * // src/worker.ts (wrangler.jsonc: "main": "src/worker.ts")
 * import xmcpWorker from "../worker.js";
 * export default workos.worker(xmcpWorker);
 */
export function workosCloudflare(options: WorkOSConfig): WorkOSCloudflare {
  const auth = createWorkOSAuth(options);
  const guard = createFetchGuard(auth);
  return {
    middleware: createWebMiddleware(auth),
    worker: (xmcpWorker) => ({
      fetch: (request, env, ctx) => guard(request, () => xmcpWorker.fetch(request, env, ctx)),
    }),
    stats: () => auth.stats(),
  };
}
