/**
 * Every OpenTelemetry instrument the provider reports, one entry each. Names follow the
 * semantic conventions' rules for names (lower-case dotted namespace, `snake_case` words, no
 * `_total` suffix, durations as histograms in seconds named `….duration`, counts with a
 * `{thing}` annotation as unit); no convention defines these measurements themselves, so they
 * live under the package's own `xmcp.workos` namespace. Failures carry the conventions'
 * `error.type` attribute.
 */
/** The bucket boundaries the HTTP semantic conventions advise for `http.client.request.duration`. */
const httpDurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] as const;

export const instruments = {
  tokenCacheLookups: {
    kind: "counter",
    name: "xmcp.workos.token_cache.lookups",
    unit: "{lookup}",
    description: "Verified-token cache lookups, by xmcp.workos.cache.result (hit or miss)",
  },
  verifications: {
    kind: "counter",
    name: "xmcp.workos.token.verifications",
    unit: "{verification}",
    description: "Access tokens checked by signature and claims (cache misses, or every request with the cache off)",
  },
  authFailures: {
    kind: "counter",
    name: "xmcp.workos.auth.failures",
    unit: "{request}",
    description: "Requests refused by the bearer middleware, by error.type (the WorkOSAuthError code)",
  },
  jwksFetchDuration: {
    kind: "histogram",
    name: "xmcp.workos.jwks.fetch.duration",
    unit: "s",
    description: "Requests for AuthKit's JSON Web Key Set; error.type is set when one failed or did not answer 200",
    buckets: httpDurationBuckets,
  },
  jwksKeys: {
    kind: "gauge",
    name: "xmcp.workos.jwks.keys",
    unit: "{key}",
    description: "Signing keys held from AuthKit's JSON Web Key Set; 0 until the first successful fetch",
  },
  workosApiDuration: {
    kind: "histogram",
    name: "xmcp.workos.api.request.duration",
    unit: "s",
    description: "WorkOS API requests made on a caller's behalf, by xmcp.workos.api.method; error.type is set on failure",
    buckets: httpDurationBuckets,
  },
  userCacheLookups: {
    kind: "counter",
    name: "xmcp.workos.user_cache.lookups",
    unit: "{lookup}",
    description: "getUser() lookups, by xmcp.workos.cache.result (hit or miss)",
  },
  sharedCacheReads: {
    kind: "counter",
    name: "xmcp.workos.shared_cache.reads",
    unit: "{read}",
    description: "Reads of the shared cache store (cache.store), by xmcp.workos.cache.result (hit, miss or error)",
  },
  rateLimitedLookups: {
    kind: "counter",
    name: "xmcp.workos.api.rate_limited_lookups",
    unit: "{lookup}",
    description: "Lookups made while the WorkOS API was rate limiting, by xmcp.workos.outcome (served_stale or refused)",
  },
} as const satisfies Record<string, InstrumentDefinition>;

export type InstrumentName = keyof typeof instruments;

type InstrumentDefinition =
  | { kind: "counter" | "gauge"; name: string; unit: string; description: string }
  | { kind: "histogram"; name: string; unit: string; description: string; buckets: readonly number[] };
