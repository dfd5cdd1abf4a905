import { isLoopbackHost } from "../config/authkit-domain.js";

/** Decides whether a request's `Origin` header may reach the MCP endpoint. */
export type OriginPolicy = (origin: string | readonly string[] | undefined) => boolean;

/**
 * MCP Streamable HTTP transport (2025-11-25) §Security: servers MUST validate `Origin` and answer
 * 403 when it is present and not allowed, because a web page can reach a server on the user's own
 * machine through DNS rebinding. A request without `Origin` (every non-browser MCP client) is
 * never affected.
 *
 * - `allowedOrigins` given: those origins and this server's own.
 * - otherwise, a loopback `baseURL` (a local server): loopback origins only, any port, such as the
 *   MCP Inspector's `http://localhost:6274`.
 * - otherwise (a public server, which web-based MCP hosts call cross-origin): any origin; the
 *   bearer token is what protects it.
 */
export function createOriginPolicy(options: { baseURL: string; allowedOrigins: readonly string[] | undefined }): OriginPolicy {
  const own = new URL(options.baseURL).origin;
  if (options.allowedOrigins) {
    const allowed = new Set([own, ...options.allowedOrigins]);
    return (origin) => origin === undefined || (typeof origin === "string" && allowed.has(origin));
  }
  if (!isLoopbackHost(new URL(options.baseURL).hostname)) return () => true;
  return (origin) => origin === undefined || (typeof origin === "string" && isLoopbackOrigin(origin));
}

/** `null` (an opaque origin: sandboxed frames, `file:`) and anything unparsable are not loopback. */
function isLoopbackOrigin(origin: string): boolean {
  if (!URL.canParse(origin)) return false;
  const url = new URL(origin);
  return (url.protocol === "http:" || url.protocol === "https:") && url.origin === origin && isLoopbackHost(url.hostname);
}
