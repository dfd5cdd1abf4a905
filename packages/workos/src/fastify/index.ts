/**
 * `@xmcp-dev/workos/fastify`: xmcp's `fastify` adapter (Node).
 */
export * from "../session/public-api.js";
export { createFastifyPlugin } from "./plugin.js";
// Shadows the WebCrypto `createWorkOSAuth` of the shared surface: on Node, verify with node:crypto.
export { createWorkOSAuth } from "../node/create-workos-auth.js";
