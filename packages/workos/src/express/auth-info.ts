import type { Authenticated } from "../verify/authenticate.js";

/**
 * The MCP SDK's `AuthInfo` shape, declared here so the plugin does not depend on the SDK.
 * Handlers written against the SDK read it as `extra.authInfo`.
 */
export interface AuthInfo {
  token: string;
  clientId: string;
  scopes: string[];
  expiresAt?: number;
  resource?: URL;
  extra?: Record<string, unknown>;
}

export function toAuthInfo({ token, session }: Authenticated, resource: URL): AuthInfo {
  return {
    token,
    clientId: session.clientId ?? "",
    scopes: [...session.scopes],
    expiresAt: session.expiresAt,
    resource,
    extra: {
      userId: session.userId,
      sessionId: session.sessionId,
      organizationId: session.organizationId,
    },
  };
}
