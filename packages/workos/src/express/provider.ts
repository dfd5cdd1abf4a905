import type { WorkOSConfig } from "../config/types.js";
import type { WorkOSAuth } from "../core/workos-auth.js";
import type { ProviderStats } from "../metrics/provider-metrics.js";
import { createWorkOSAuth } from "../node/create-workos-auth.js";
import { createExpressMiddleware, type ExpressMiddleware } from "./middleware.js";

/** What xmcp takes as the default export of `src/middleware.ts`: one middleware, with the provider's counters. */
export type WorkOSProvider = ExpressMiddleware & {
  /** Running totals since the provider was created; see {@link WorkOSAuth.stats}. */
  stats(): ProviderStats;
};

/**
 * Puts WorkOS AuthKit in front of an xmcp server on Node (xmcp's own HTTP server, or its
 * `express` adapter): one middleware that serves the discovery documents and guards the MCP
 * endpoint. Everything expensive is built once, here.
 *
 * @example
 * // src/middleware.ts
 * import { workosProvider } from "@xmcp-dev/workos";
 *
 * export default workosProvider({
 *   apiKey: process.env.WORKOS_API_KEY!,
 *   clientId: process.env.WORKOS_CLIENT_ID!,
 *   baseURL: "https://mcp.example.com",
 *   authkitDomain: "acme.authkit.app",
 * });
 */
export function workosProvider(options: WorkOSConfig): WorkOSProvider {
  const auth = createWorkOSAuth(options);
  return Object.assign(createExpressMiddleware(auth), { stats: auth.stats });
}
