/**
 * What tools and integrators use on every target: the session API, the access checks, the error
 * family and the core. Shared by every entry point, so none of them differs in what a tool sees.
 */
export { createWorkOSAuth, type WorkOSAuth, type AuthResult, type AuthSuccess, type AuthFailure } from "../core/workos-auth.js";
export type { HttpAnswer } from "../core/http-answer.js";
export type { GuardRequest, GuardDecision } from "../core/guard.js";
export { isCorsPreflight } from "../core/cors-preflight.js";
export { getSession, getUser, getClient } from "./get-session.js";
export { getAccess, requireOrganization, requireScopes } from "../access/get-access.js";
export type { Access } from "../access/access.js";
export {
  WorkOSError,
  WorkOSAuthError,
  AccessDeniedError,
  WorkOSApiError,
  WorkOSContextError,
  type AnyWorkOSError,
  type WorkOSErrorCode,
  type AuthErrorCode,
  type AccessDeniedCode,
  type ContextErrorCode,
  type WorkOSApiErrorCode,
} from "../errors.js";
export type { WorkOSConfig, CacheConfig } from "../config/types.js";
export type { SharedCacheStore, SharedCacheItem } from "../workos/shared-cache.js";
export type { Session } from "./session.js";
export type { JWTClaims } from "./claims.js";
export type { AuthInfo } from "./auth-info.js";
export type { Logger } from "../logger.js";
export type { ProviderStats } from "../metrics/provider-metrics.js";
export type { OAuthProtectedResourceMetadata, OAuthAuthorizationServerMetadata } from "../metadata/types.js";
export { normalizeAuthkitDomain } from "../config/authkit-domain.js";
