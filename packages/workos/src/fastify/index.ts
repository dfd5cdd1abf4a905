/**
 * `@xmcp-dev/workos/fastify`: xmcp's `fastify` adapter (Node).
 */
export * from "../session/public-api.js";
export { createFastifyPlugin } from "./plugin.js";
