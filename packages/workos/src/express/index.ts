/**
 * `@xmcp-dev/workos/express`: xmcp's own HTTP server and its `express` adapter (Node).
 */
export * from "../session/public-api.js";
export { workosProvider, type WorkOSProvider } from "./provider.js";
// Shadows the WebCrypto `createWorkOSAuth` of the shared surface: on Node, verify with node:crypto.
export { createWorkOSAuth } from "../node/create-workos-auth.js";
export { createExpressMiddleware, type ExpressMiddleware, type ExpressRequest } from "./middleware.js";
