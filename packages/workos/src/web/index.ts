/**
 * `@xmcp-dev/workos/web`: runtimes built on the Fetch API (Cloudflare Workers under
 * `nodejs_compat`, Next.js route handlers). Nothing here imports Express; of Node's modules it
 * imports `async_hooks` and reaches `node:crypto` at run time through `process.getBuiltinModule`,
 * both of which Workers provide under `nodejs_compat`.
 */
export * from "../session/public-api.js";
export { createFetchGuard, type FetchGuard, type GuardedHandler } from "./fetch-guard.js";
export { createWebMiddleware, type WebMiddleware, type WebMiddlewareContext } from "./web-middleware.js";
export { workosCloudflare, type WorkOSCloudflare, type WorkerEntry } from "./cloudflare.js";
export { workosNextjs, type WorkOSNextjs } from "./nextjs.js";
