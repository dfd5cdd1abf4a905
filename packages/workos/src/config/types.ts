import type { Logger } from "../logger.js";
import type { SharedCacheStore } from "../workos/shared-cache.js";

/**
 * Options for {@link workosProvider}. The four required settings may come from the
 * environment instead (`WORKOS_API_KEY`, `WORKOS_CLIENT_ID`, `BASE_URL`,
 * `WORKOS_AUTHKIT_DOMAIN`); an explicit option always wins.
 */
export interface WorkOSConfig {
  /** WorkOS API key, `sk_...`. Env: `WORKOS_API_KEY`. */
  apiKey?: string;
  /** WorkOS client id of the environment, `client_...`. Env: `WORKOS_CLIENT_ID`. */
  clientId?: string;
  /** Public origin of this MCP server, e.g. `https://mcp.example.com`. Env: `BASE_URL`. */
  baseURL?: string;
  /**
   * AuthKit domain: `acme.authkit.app` or `https://acme.authkit.app`. `http://` is accepted for
   * loopback hosts only (the local emulator). Env: `WORKOS_AUTHKIT_DOMAIN`.
   */
  authkitDomain?: string;
  /** Human-readable documentation, published as `resource_documentation` (RFC 9728). Env: `WORKOS_DOCS_URL`. */
  docsURL?: string;
  /** Path of the MCP endpoint that is protected. Default `/mcp`. */
  mcpPath?: string;
  /**
   * Accepted `aud` values. Default: the canonical resource URL `${baseURL}${mcpPath}`, with and
   * without a trailing slash.
   */
  audience?: string | string[];
  /**
   * Whether tokens whose `aud` is the environment client id are refused. AuthKit issues those
   * when the client names no resource or the resource is not a configured MCP resource indicator,
   * and they are valid at every MCP server of the environment. Default: refused once the provider
   * has found this server's resource among the environment's MCP resource indicators (WorkOS API,
   * in the background at start-up), accepted until then or otherwise. `true` or `false` decides
   * outright and skips the lookup.
   */
  strictAudience?: boolean;
  /**
   * Origins whose pages may call the MCP endpoint from a browser (`https://app.example.com`); a
   * request with any other `Origin` gets 403 (MCP transport spec, DNS rebinding). Default: only
   * loopback origins when `baseURL` is loopback, any origin otherwise. Requests without `Origin`
   * are never affected.
   */
  allowedOrigins?: string[];
  /** Scopes every request must carry; a token without them gets 403 `insufficient_scope`. */
  requiredScopes?: string[];
  /** Published as `scopes_supported` in the protected resource metadata. */
  scopesSupported?: string[];
  /** Point the WorkOS SDK elsewhere (the emulator): one URL such as `http://127.0.0.1:4455`. Env: `WORKOS_API_URL`. */
  apiURL?: string;
  /** Or the three parts separately. */
  apiHostname?: string;
  apiPort?: number;
  apiHttps?: boolean;
  /** Retries the WorkOS SDK makes on 408/429/5xx. Default 1 (the SDK's own default is 3). */
  apiMaxRetries?: number;
  /** Seconds of clock skew tolerated on `exp`, `nbf` and `iat`. Default 30. Env: `WORKOS_CLOCK_TOLERANCE_SECONDS`. */
  clockToleranceSeconds?: number;
  logger?: Logger;
  cache?: CacheConfig;
}

export interface CacheConfig {
  /** Verified-token cache: a repeated token costs a hash lookup, not an RSA verify. `false` disables it. */
  tokens?: { maxEntries?: number } | false;
  /** `getUser()` cache. */
  users?: { ttlSeconds?: number; maxEntries?: number };
  /** Organization membership lookups made by the access helpers when the token carries no role. */
  memberships?: { ttlSeconds?: number; maxEntries?: number };
  /** AuthKit's JWKS (jose `createRemoteJWKSet`). */
  jwks?: { cacheMaxAgeMs?: number; cooldownMs?: number; timeoutMs?: number; maxStaleMs?: number };
  /** AuthKit's RFC 8414 document served at `/.well-known/oauth-authorization-server`. */
  metadata?: { ttlSeconds?: number; timeoutMs?: number };
  /**
   * A store shared by every instance for what the plugin fetches from the WorkOS API (users,
   * memberships, role permissions): an unstorage `Storage`, e.g.
   * `createStorage({ driver: redisDriver({ url }) })` or `cloudflareKVBindingDriver({ binding })`.
   * Items carry their expiry, and nothing token-derived is written. Verified tokens stay per process.
   */
  store?: SharedCacheStore;
  /** How long a read or write of `store` may take before the lookup goes on without it. Default 500. */
  storeTimeoutMs?: number;
  /**
   * While the WorkOS API answers 429, a user or membership up to this many seconds past its TTL
   * is served instead of an error. Default 300; 0 serves nothing stale.
   */
  staleIfRateLimitedSeconds?: number;
}

/** Every setting checked, normalised and defaulted, built once per provider. */
export interface ResolvedConfig {
  apiKey: string;
  clientId: string;
  /** Origin without a trailing slash. */
  baseURL: string;
  /** The AuthKit issuer: an origin without a trailing slash. */
  issuer: string;
  mcpPath: string;
  /** Canonical resource identifier, `${baseURL}${mcpPath}` (RFC 8707 / RFC 9728). */
  resource: string;
  /** Absolute URL of the path-form protected resource metadata document (RFC 9728 §3.1). */
  resourceMetadataURL: string;
  docsURL: string | undefined;
  /** `aud` values that name this resource (the `audience` option, or the resource URL ± `/`). */
  resourceAudiences: string[];
  /** As configured; `undefined` means detect it from the environment's resource indicators. */
  strictAudience: boolean | undefined;
  /** Explicitly allowed browser origins; `undefined` means the default for `baseURL`. */
  allowedOrigins: string[] | undefined;
  requiredScopes: string[];
  scopesSupported: string[] | undefined;
  api: { hostname: string | undefined; port: number | undefined; https: boolean; maxRetries: number };
  clockToleranceSeconds: number;
  logger: Logger;
  tokenCache: { maxEntries: number } | false;
  users: { ttlMs: number; maxEntries: number };
  memberships: { ttlMs: number; maxEntries: number };
  jwks: { cacheMaxAgeMs: number; cooldownMs: number; timeoutMs: number; maxStaleMs: number };
  metadata: { ttlMs: number; timeoutMs: number };
  sharedStore: { store: SharedCacheStore; timeoutMs: number } | undefined;
  staleIfRateLimitedMs: number;
}
