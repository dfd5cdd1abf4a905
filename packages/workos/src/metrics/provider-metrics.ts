import { metrics, type Attributes, type Counter, type Histogram, type MeterProvider } from "@opentelemetry/api";
import { instruments, type InstrumentName } from "./instruments.js";

/** What {@link ProviderMetrics.stats} returns: running totals since the provider was created. */
export interface ProviderStats {
  /** Verified-token cache lookups. Stays at zero with `cache: { tokens: false }`. */
  tokenCache: { hits: number; misses: number };
  /** Signature and claim checks actually run (cache misses, or every request with the cache off). */
  verifications: number;
  /** Requests refused, by `WorkOSAuthError` code. */
  failures: Record<string, number>;
  /**
   * Requests for AuthKit's key set (`failures`: those that failed or did not answer 200), and the
   * keys held now: zero until the first successful fetch.
   */
  jwks: { fetches: number; failures: number; keys: number };
  /** WorkOS API requests, by SDK method (`userManagement.getUser`). */
  workosApi: Record<string, { calls: number; failures: number }>;
  /** `getUser()` lookups answered from the per-user cache or sent to the API. */
  userCache: { hits: number; misses: number };
  /** Reads of `cache.store`: found fresh or stale, absent, or failed (the store unavailable). */
  sharedCache: { hits: number; misses: number; errors: number };
  /** Lookups while the WorkOS API was rate limiting: answered with a held value, or refused (`rate_limited`). */
  rateLimited: { servedStale: number; refused: number };
}

/**
 * Everything the provider counts, reported twice: to OpenTelemetry through `@opentelemetry/api`
 * (a no-op until the application registers an SDK, so nothing here costs more than a call), and
 * into plain totals for {@link stats}, which tests and the benchmark read without an SDK.
 *
 * Attributes carry only bounded, non-identifying values (a cache result, an error code, an SDK
 * method name): never a token, a claim or a user id.
 *
 * To count something new: add its instrument to `instruments.ts`, a field to
 * {@link ProviderStats}, and one method here that records both.
 */
export class ProviderMetrics {
  readonly #counters: Partial<Record<InstrumentName, Counter>> = {};
  readonly #histograms: Partial<Record<InstrumentName, Histogram>> = {};
  #heldKeys: () => number = () => 0;
  readonly #stats: ProviderStats = {
    tokenCache: { hits: 0, misses: 0 },
    verifications: 0,
    failures: {},
    jwks: { fetches: 0, failures: 0, keys: 0 },
    workosApi: {},
    userCache: { hits: 0, misses: 0 },
    sharedCache: { hits: 0, misses: 0, errors: 0 },
    rateLimited: { servedStale: 0, refused: 0 },
  };

  /** @param meterProvider defaults to the global one, so register the SDK before creating the provider. */
  constructor(meterProvider: MeterProvider = metrics.getMeterProvider()) {
    const meter = meterProvider.getMeter(METER_NAME);
    for (const [name, definition] of Object.entries(instruments) as [InstrumentName, (typeof instruments)[InstrumentName]][]) {
      if (definition.kind === "counter") {
        this.#counters[name] = meter.createCounter(definition.name, { description: definition.description, unit: definition.unit });
      } else if (definition.kind === "gauge") {
        meter
          .createObservableGauge(definition.name, { description: definition.description, unit: definition.unit })
          .addCallback((result) => result.observe(this.#heldKeys()));
      } else {
        this.#histograms[name] = meter.createHistogram(definition.name, {
          description: definition.description,
          unit: definition.unit,
          advice: { explicitBucketBoundaries: [...definition.buckets] },
        });
      }
    }
  }

  tokenCacheLookup(hit: boolean): void {
    this.#counters.tokenCacheLookups!.add(1, hit ? CACHE_HIT : CACHE_MISS);
    if (hit) this.#stats.tokenCache.hits++;
    else this.#stats.tokenCache.misses++;
  }

  verification(): void {
    this.#counters.verifications!.add(1);
    this.#stats.verifications++;
  }

  /** @param code a `WorkOSAuthError` code, never free text. */
  authFailure(code: string): void {
    this.#counters.authFailures!.add(1, { [ERROR_TYPE]: code });
    this.#stats.failures[code] = (this.#stats.failures[code] ?? 0) + 1;
  }

  /** @param errorType a low-cardinality reason (`timeout`, `http_503`) when the fetch failed. */
  jwksFetch(durationSeconds: number, errorType?: string): void {
    this.#histograms.jwksFetchDuration!.record(durationSeconds, errorType === undefined ? {} : { [ERROR_TYPE]: errorType });
    this.#stats.jwks.fetches++;
    if (errorType !== undefined) this.#stats.jwks.failures++;
  }

  /** @param method the SDK method, e.g. `userManagement.getUser`. */
  workosApiCall(method: string, durationSeconds: number, errorType?: string): void {
    const attributes: Attributes = { [API_METHOD]: method };
    if (errorType !== undefined) attributes[ERROR_TYPE] = errorType;
    this.#histograms.workosApiDuration!.record(durationSeconds, attributes);
    const tally = (this.#stats.workosApi[method] ??= { calls: 0, failures: 0 });
    tally.calls++;
    if (errorType !== undefined) tally.failures++;
  }

  /** How many keys the JWKS key source holds, read whenever stats or OpenTelemetry ask. */
  observeHeldKeys(count: () => number): void {
    this.#heldKeys = count;
  }

  userCacheLookup(hit: boolean): void {
    this.#counters.userCacheLookups!.add(1, hit ? CACHE_HIT : CACHE_MISS);
    if (hit) this.#stats.userCache.hits++;
    else this.#stats.userCache.misses++;
  }

  sharedCacheRead(result: "hit" | "miss" | "error"): void {
    this.#counters.sharedCacheReads!.add(1, { [CACHE_RESULT]: result });
    if (result === "hit") this.#stats.sharedCache.hits++;
    else if (result === "miss") this.#stats.sharedCache.misses++;
    else this.#stats.sharedCache.errors++;
  }

  rateLimitedLookup(outcome: "served_stale" | "refused"): void {
    this.#counters.rateLimitedLookups!.add(1, { [OUTCOME]: outcome });
    if (outcome === "served_stale") this.#stats.rateLimited.servedStale++;
    else this.#stats.rateLimited.refused++;
  }

  /** A copy: the caller may keep or change it without touching the running totals. */
  stats(): ProviderStats {
    const stats = structuredClone(this.#stats);
    stats.jwks.keys = this.#heldKeys();
    return stats;
  }
}

/** The instrumentation scope: the package name, as OpenTelemetry asks of instrumentation libraries. */
export const METER_NAME = "@xmcp-dev/workos";

/** OpenTelemetry's general attribute for the class of a failure (semantic conventions, `error.type`). */
const ERROR_TYPE = "error.type";
const CACHE_RESULT = "xmcp.workos.cache.result";
const API_METHOD = "xmcp.workos.api.method";
const OUTCOME = "xmcp.workos.outcome";
const CACHE_HIT: Attributes = Object.freeze({ [CACHE_RESULT]: "hit" });
const CACHE_MISS: Attributes = Object.freeze({ [CACHE_RESULT]: "miss" });
