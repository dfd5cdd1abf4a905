/**
 * @xmcp-dev/workos — WorkOS AuthKit authentication for xmcp MCP servers. This file and the
 * target entry points (`express/index.ts`, `web/index.ts`) are the whole public surface.
 */
export * from "./session/public-api.js";
export type { WorkOSConfig as config } from "./config/types.js";
export { workosProvider, type WorkOSProvider } from "./express/provider.js";
// Shadows the WebCrypto `createWorkOSAuth` of the shared surface: on Node, verify with node:crypto.
export { createWorkOSAuth } from "./node/create-workos-auth.js";
export { createExpressMiddleware, type ExpressMiddleware, type ExpressRequest } from "./express/middleware.js";
