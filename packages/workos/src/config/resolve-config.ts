import { neverThrowing, silentLogger } from "../logger.js";
import { assertSecureOrLoopback, isLoopbackHost, normalizeAuthkitDomain } from "./authkit-domain.js";
import { defaults } from "./defaults.js";
import { checkOptionNames } from "./option-names.js";
import { refuseApiKeyIn, refuseApiKeysInSettings, shown } from "./secret-values.js";
import type { ResolvedConfig, WorkOSConfig } from "./types.js";

type Env = Record<string, string | undefined>;

/**
 * Checks and normalises the provider options once, when `workosProvider()` runs, so a mistake
 * stops the server at start-up with a message naming the setting, not on the first request.
 * The caller's object is read, never written.
 */
export function resolveConfig(input: WorkOSConfig, env: Env = processEnv()): ResolvedConfig {
  if (input === null || typeof input !== "object") {
    throw new TypeError("[WorkOS] workosProvider() expects an options object");
  }
  checkOptionNames(input);
  // Before any setting is quoted in an error or used: an API key pasted into the wrong one.
  refuseApiKeysInSettings(input as Record<string, unknown>, ["apiKey"]);
  const apiKey = checkApiKey(pick(input.apiKey, env.WORKOS_API_KEY, "apiKey"));
  const clientId = checkClientId(pick(input.clientId, env.WORKOS_CLIENT_ID, "clientId"));
  const baseURL = checkBaseURL(pick(input.baseURL, env.BASE_URL, "baseURL"));
  const issuer = normalizeAuthkitDomain(pick(input.authkitDomain, env.WORKOS_AUTHKIT_DOMAIN, "authkitDomain"));
  const mcpPath = checkMcpPath(input.mcpPath ?? defaults.mcpPath);
  const resource = `${baseURL}${mcpPath}`;
  const docsURL = checkOptionalWebURL(input.docsURL ?? env.WORKOS_DOCS_URL, "docsURL");

  const resourceAudiences = checkAudience(input.audience) ?? [resource, `${resource}/`];

  const cache = input.cache ?? {};
  return {
    apiKey,
    clientId,
    baseURL,
    issuer,
    mcpPath,
    resource,
    // RFC 9728 §3.1: the well-known segment goes between the host and the resource's path.
    resourceMetadataURL: `${baseURL}/.well-known/oauth-protected-resource${mcpPath}`,
    docsURL,
    resourceAudiences: [...new Set(resourceAudiences)],
    strictAudience: checkOptionalBoolean(input.strictAudience, "strictAudience"),
    allowedOrigins: checkOrigins(input.allowedOrigins),
    requiredScopes: checkScopes(input.requiredScopes, "requiredScopes") ?? [],
    scopesSupported: checkScopes(input.scopesSupported, "scopesSupported"),
    api: checkApi(input, env),
    clockToleranceSeconds: checkNumber(
      input.clockToleranceSeconds ?? numberFromEnv(env.WORKOS_CLOCK_TOLERANCE_SECONDS),
      "clockToleranceSeconds",
      defaults.clockToleranceSeconds,
    ),
    logger: input.logger ? neverThrowing(input.logger) : silentLogger,
    tokenCache:
      cache.tokens === false
        ? false
        : { maxEntries: checkNumber(cache.tokens?.maxEntries, "cache.tokens.maxEntries", defaults.tokenCacheMaxEntries, 1) },
    users: {
      ttlMs: 1000 * checkNumber(cache.users?.ttlSeconds, "cache.users.ttlSeconds", defaults.userTtlSeconds),
      maxEntries: checkNumber(cache.users?.maxEntries, "cache.users.maxEntries", defaults.userMaxEntries, 1),
    },
    memberships: {
      ttlMs: 1000 * checkNumber(cache.memberships?.ttlSeconds, "cache.memberships.ttlSeconds", defaults.membershipTtlSeconds),
      maxEntries: checkNumber(cache.memberships?.maxEntries, "cache.memberships.maxEntries", defaults.membershipMaxEntries, 1),
    },
    jwks: {
      cacheMaxAgeMs: checkNumber(cache.jwks?.cacheMaxAgeMs, "cache.jwks.cacheMaxAgeMs", defaults.jwksCacheMaxAgeMs),
      cooldownMs: checkNumber(cache.jwks?.cooldownMs, "cache.jwks.cooldownMs", defaults.jwksCooldownMs),
      timeoutMs: checkNumber(cache.jwks?.timeoutMs, "cache.jwks.timeoutMs", defaults.jwksTimeoutMs, 1),
      maxStaleMs: checkNumber(cache.jwks?.maxStaleMs, "cache.jwks.maxStaleMs", defaults.jwksMaxStaleMs),
    },
    metadata: {
      ttlMs: 1000 * checkNumber(cache.metadata?.ttlSeconds, "cache.metadata.ttlSeconds", defaults.metadataTtlSeconds),
      timeoutMs: checkNumber(cache.metadata?.timeoutMs, "cache.metadata.timeoutMs", defaults.metadataTimeoutMs, 1),
    },
    sharedStore: checkStore(cache),
    staleIfRateLimitedMs:
      1000 * checkNumber(cache.staleIfRateLimitedSeconds, "cache.staleIfRateLimitedSeconds", defaults.staleIfRateLimitedSeconds),
  };
}

/** `process.env` where there is one: Workers have it only under `nodejs_compat`, other runtimes not at all. */
function processEnv(): Env {
  return (globalThis as { process?: { env?: Env } }).process?.env ?? {};
}

function pick(value: string | undefined, fromEnv: string | undefined, name: string): string {
  const chosen = value ?? fromEnv;
  if (chosen === undefined || chosen === null || String(chosen).trim() === "") {
    throw new TypeError(`[WorkOS] Missing required config: ${name}`);
  }
  if (typeof chosen !== "string") throw new TypeError(`[WorkOS] ${name} must be a string`);
  return chosen.trim();
}

function checkApiKey(value: string): string {
  if (!value.startsWith("sk_")) {
    throw new TypeError("[WorkOS] apiKey must start with sk_ (copy it from WorkOS dashboard → API Keys)");
  }
  return value;
}

function checkClientId(value: string): string {
  if (!value.startsWith("client_")) {
    throw new TypeError("[WorkOS] clientId must start with client_ (WorkOS dashboard → API Keys → Client ID)");
  }
  return value;
}

function checkBaseURL(value: string): string {
  refuseApiKeyIn("baseURL", value, "this server's public origin");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`[WorkOS] baseURL must be an absolute URL such as https://mcp.example.com, got ${shown(value)}`);
  }
  assertSecureOrLoopback(url, "baseURL", value);
  if (url.pathname !== "/" || url.search || url.hash) {
    throw new TypeError(`[WorkOS] baseURL must be an origin with no path (set mcpPath for the endpoint), got ${shown(value)}`);
  }
  return url.origin;
}

function checkMcpPath(value: string): string {
  // Printable ASCII without quote or backslash: the path ends up inside a quoted-string of the
  // WWW-Authenticate header of every challenge (RFC 9110 §5.6.4).
  if (typeof value !== "string" || !value.startsWith("/") || /[?#\s"\\]|[^\x21-\x7e]/.test(value)) {
    throw new TypeError(`[WorkOS] mcpPath must be a path starting with "/", such as /mcp, got ${shown(value)}`);
  }
  return value.length > 1 ? value.replace(/\/+$/, "") : value;
}

/** A link published to clients (`resource_documentation`): only a web page, never `javascript:` or `data:`. */
function checkOptionalWebURL(value: string | undefined, name: string): string | undefined {
  if (value === undefined || value === "") return undefined;
  refuseApiKeyIn(name, value, "a documentation page's URL");
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (url?.protocol !== "https:" && url?.protocol !== "http:") {
    throw new TypeError(`[WorkOS] ${name} must be an absolute http(s) URL, got ${shown(value)}`);
  }
  return url.toString();
}

function checkAudience(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || list.some((a) => typeof a !== "string" || a === "")) {
    throw new TypeError("[WorkOS] audience must be a non-empty string or array of strings");
  }
  return [...list];
}

/** Serialized origins as browsers send them (RFC 6454 §6.2): scheme, host and port, nothing else. */
function checkOrigins(value: string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new TypeError("[WorkOS] allowedOrigins must be an array of origins such as https://app.example.com");
  return value.map((entry) => {
    const url = typeof entry === "string" && URL.canParse(entry) ? new URL(entry) : undefined;
    if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || url.origin !== entry.replace(/\/$/, "")) {
      throw new TypeError(`[WorkOS] allowedOrigins entries must be origins such as https://app.example.com (no path), got ${shown(entry)}`);
    }
    return url.origin;
  });
}

function checkScopes(value: string[] | undefined, name: string): string[] | undefined {
  if (value === undefined) return undefined;
  // RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ), no space, quote or backslash.
  if (!Array.isArray(value) || value.some((s) => typeof s !== "string" || !/^[\x21\x23-\x5b\x5d-\x7e]+$/.test(s))) {
    throw new TypeError(`[WorkOS] ${name} must be an array of scope names without spaces, quotes or backslashes`);
  }
  return [...value];
}

function checkOptionalBoolean(value: boolean | undefined, name: string): boolean | undefined {
  if (value !== undefined && typeof value !== "boolean") throw new TypeError(`[WorkOS] ${name} must be true or false, got ${String(value)}`);
  return value;
}

function checkNumber(value: number | undefined, name: string, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < min) {
    // A string here may be a pasted API key: quoted through `shown`, which cuts it.
    throw new TypeError(`[WorkOS] ${name} must be a number ≥ ${min}, got ${typeof value === "number" ? value : shown(value)}`);
  }
  return value;
}

function checkStore(cache: NonNullable<WorkOSConfig["cache"]>): ResolvedConfig["sharedStore"] {
  const timeoutMs = checkNumber(cache.storeTimeoutMs, "cache.storeTimeoutMs", defaults.storeTimeoutMs, 1);
  const store = cache.store as unknown;
  if (store === undefined) return undefined;
  const methods = store as { getItem?: unknown; setItem?: unknown } | null;
  if (typeof methods?.getItem !== "function" || typeof methods.setItem !== "function") {
    throw new TypeError(
      "[WorkOS] cache.store must be an unstorage Storage with getItem and setItem, e.g. createStorage({ driver: redisDriver({ url }) })",
    );
  }
  return { store: cache.store!, timeoutMs };
}

function checkApi(input: WorkOSConfig, env: Env): ResolvedConfig["api"] {
  const maxRetries = checkNumber(input.apiMaxRetries, "apiMaxRetries", defaults.apiMaxRetries);
  const apiURL = input.apiURL ?? (input.apiHostname === undefined ? env.WORKOS_API_URL : undefined);
  if (apiURL) {
    refuseApiKeyIn("apiURL", apiURL, "the WorkOS API's URL");
    let url: URL;
    try {
      url = new URL(apiURL);
    } catch {
      throw new TypeError(`[WorkOS] apiURL must be an absolute URL such as http://127.0.0.1:4455, got ${shown(apiURL)}`);
    }
    assertSecureOrLoopback(url, "apiURL", apiURL);
    const https = url.protocol === "https:";
    return { hostname: url.hostname, port: url.port ? Number(url.port) : https ? 443 : 80, https, maxRetries };
  }
  if (input.apiHostname !== undefined) refuseApiKeyIn("apiHostname", input.apiHostname, "the WorkOS API's host name");
  if (input.apiPort !== undefined) checkNumber(input.apiPort, "apiPort", 0, 1);
  const https = input.apiHttps ?? true;
  // The API key travels in every request: plain http only to this machine (the emulator).
  if (!https && !isLoopbackHost(input.apiHostname ?? "api.workos.com")) {
    throw new TypeError(`[WorkOS] apiHttps: false is allowed only for localhost/127.0.0.1, got apiHostname ${shown(input.apiHostname ?? "")}`);
  }
  return { hostname: input.apiHostname, port: input.apiPort, https, maxRetries };
}

function numberFromEnv(value: string | undefined): number | undefined {
  return value === undefined || value.trim() === "" ? undefined : Number(value);
}
