import type { Session } from "./session.js";

/**
 * The MCP SDK's `AuthInfo` shape, declared here so the plugin does not depend on the SDK.
 * Handlers written against the SDK read it as `extra.authInfo`; xmcp's adapters take it from
 * `req.auth` (Node) or `setAuth()` (Workers).
 */
export interface AuthInfo {
  token: string;
  clientId: string;
  scopes: string[];
  /** Seconds since the epoch, as the MCP SDK counts. */
  expiresAt?: number;
  resource?: URL;
  extra?: Record<string, unknown>;
}

/**
 * A new `AuthInfo`, with a `URL` of its own, for each request: a `URL` cannot be frozen, and one
 * shared by every request would let a tool that sets its `pathname` change the resource every
 * later caller's handlers (and the MCP SDK's audience check and scope challenges) see.
 */
export function toAuthInfo(token: string, session: Readonly<Session>, resource: string): AuthInfo {
  return {
    token,
    clientId: session.clientId ?? "",
    scopes: [...session.scopes],
    expiresAt: session.expiresAtSeconds,
    resource: new URL(resource),
    extra: {
      userId: session.userId,
      sessionId: session.sessionId,
      organizationId: session.organizationId,
    },
  };
}
