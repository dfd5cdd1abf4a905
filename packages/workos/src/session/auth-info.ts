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

export function toAuthInfo(token: string, session: Readonly<Session>, resource: URL): AuthInfo {
  return {
    token,
    clientId: session.clientId ?? "",
    scopes: [...session.scopes],
    expiresAt: session.expiresAtSeconds,
    resource,
    extra: {
      userId: session.userId,
      sessionId: session.sessionId,
      organizationId: session.organizationId,
    },
  };
}
