import type { AuthorizationServerMetadataSource } from "../metadata/authorization-server.js";
import type { OAuthProtectedResourceMetadata } from "../metadata/types.js";
import type { HttpAnswer } from "./http-answer.js";

export type DiscoveryRoute = (method: string, pathname: string) => Promise<HttpAnswer> | undefined;

/**
 * The discovery documents as a route table, open to any origin: browser-based MCP clients (the MCP
 * Inspector, web hosts) fetch them cross-origin before they hold any credential. Paths match
 * case-insensitively and with or without a trailing slash, as Express routes do by default.
 * Anything that is not a discovery request gives `undefined`, for the adapter to pass on.
 */
export function createDiscoveryRoute(options: {
  mcpPath: string;
  protectedResource: OAuthProtectedResourceMetadata;
  authorizationServer: AuthorizationServerMetadataSource;
}): DiscoveryRoute {
  const protectedResourcePaths = new Set(
    ["/.well-known/oauth-protected-resource", `/.well-known/oauth-protected-resource${options.mcpPath}`].map(normalize),
  );
  const authorizationServerPath = "/.well-known/oauth-authorization-server";

  return (method, pathname) => {
    const path = normalize(pathname);
    const isProtectedResource = protectedResourcePaths.has(path);
    if (!isProtectedResource && path !== authorizationServerPath) return undefined;

    switch (method.toUpperCase()) {
      case "OPTIONS":
        return Promise.resolve({ status: 204, headers: preflightHeaders, body: null });
      case "GET":
      case "HEAD":
        if (isProtectedResource) return Promise.resolve(document(options.protectedResource, "public, max-age=3600"));
        return options.authorizationServer.get().then((doc) => document(doc, "public, max-age=300"));
      default:
        return undefined;
    }
  };
}

const preflightHeaders: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, OPTIONS",
  // The MCP SDK sends MCP-Protocol-Version on discovery requests (MCP authorization spec).
  "access-control-allow-headers": "MCP-Protocol-Version, Authorization, Content-Type",
  "access-control-max-age": "86400",
};

function document(body: Record<string, unknown>, cacheControl: string): HttpAnswer {
  return {
    status: 200,
    headers: { "access-control-allow-origin": "*", "cache-control": cacheControl, "content-type": "application/json; charset=utf-8" },
    body,
  };
}

function normalize(pathname: string): string {
  const lower = pathname.toLowerCase();
  return lower.length > 1 && lower.endsWith("/") ? lower.slice(0, -1) : lower;
}
