/**
 * `@xmcp-dev/workos/web`: runtimes built on the Fetch API (Cloudflare Workers under
 * `nodejs_compat`, Next.js route handlers). Nothing here imports Express or a Node-only module
 * other than `node:async_hooks`, which Workers provide under `nodejs_compat`.
 */
export * from "../session/public-api.js";
