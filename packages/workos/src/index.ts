/**
 * @xmcp-dev/workos — WorkOS AuthKit authentication for xmcp MCP servers. This file is the
 * whole public surface.
 */
export { workosProvider, type WorkOSProvider } from "./provider.js";
export { getSession, getUser, getClient } from "./session/get-session.js";
export {
  hasPermission,
  hasRole,
  requirePermission,
  requireRole,
  requireOrganization,
  requireScopes,
} from "./access/access-control.js";
export { WorkOSAuthError, AccessDeniedError, WorkOSApiError, WorkOSContextError } from "./errors.js";
export type { AuthErrorCode, AccessDeniedCode } from "./errors.js";
export type { WorkOSConfig, WorkOSConfig as config, CacheConfig } from "./config/types.js";
export type { Session } from "./session/session.js";
export type { JWTClaims } from "./session/claims.js";
export type { Logger } from "./logger.js";
export type { ProviderStats } from "./metrics/provider-metrics.js";
export type { AuthInfo } from "./express/auth-info.js";
export type { OAuthProtectedResourceMetadata, OAuthAuthorizationServerMetadata } from "./metadata/types.js";
export { normalizeAuthkitDomain } from "./config/authkit-domain.js";
