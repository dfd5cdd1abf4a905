import type { ProviderMetrics } from "../metrics/provider-metrics.js";
import { rateLimitedError, statusOf, toWorkOSApiError } from "./api-error.js";
import { CoalescingCache, type CacheEntry } from "./coalescing-cache.js";
import { findRateLimitedSignal, type RateLimitGate } from "./rate-limit-gate.js";
import type { SharedCache } from "./shared-cache.js";

/** What every cached WorkOS lookup of a provider shares. */
export interface LookupDependencies {
  gate: RateLimitGate;
  shared: SharedCache | undefined;
  metrics: ProviderMetrics;
  /** How long a value may be served past its TTL while the API is rate limiting. */
  staleMs: number;
}

export interface LookupDefinition<T> {
  /** Key segment in the shared store (`user`, `membership`, `roles`). */
  kind: string;
  /** The ids that name `key` in the shared store; default `[key]`. */
  idsOf?(key: string): string[];
  /** SDK method, for metrics (`userManagement.getUser`). */
  method: string;
  /** What failed, in the error a tool sees: "Could not <action>: …". */
  action: string;
  ttlMs: number;
  maxEntries: number;
  /** The API call; its errors are raw SDK errors. */
  fetch(key: string): Promise<T>;
  /**
   * Accepts a value read from the shared store only if it is what this lookup stores for `key`
   * (a user record must carry that user's id), so a corrupt or misplaced item is a miss.
   */
  isValue(value: unknown, key: string): value is T;
  /** Called for every lookup: answered in process (hit) or not. */
  onLookup?(hit: boolean): void;
}

/**
 * One WorkOS lookup behind three tiers: the per-process cache (fresh entries, coalesced misses),
 * the shared store (an entry any instance fetched, with the expiry it was written with), then the
 * API, whose answer is written to the store before the lookup returns, so the caller's next
 * request finds it on any instance. While the API is rate limiting, the newest value held in
 * either tier is served until `staleMs` past its expiry; with nothing to serve the caller gets
 * `rate_limited`.
 *
 * @example
 * const getUser = createCachedLookup(deps, { kind: "user", fetch: (id) => client.userManagement.getUser(id), ... });
 */
export function createCachedLookup<T>(deps: LookupDependencies, definition: LookupDefinition<T>): (key: string) => Promise<T> {
  const { gate, shared, metrics, staleMs } = deps;
  const cache = new CoalescingCache<T>({ maxEntries: definition.maxEntries, onLookup: definition.onLookup });
  const storeKey = (key: string) => shared!.key(definition.kind, ...(definition.idsOf?.(key) ?? [key]));

  const load = async (key: string, held: CacheEntry<T> | undefined): Promise<CacheEntry<T>> => {
    let fallback = held;
    const item = shared && (await shared.read(storeKey(key)));
    if (item && definition.isValue(item.value, key)) {
      // Never fresher than this instance's own TTL, whatever expiry another writer chose.
      const expiresAt = Math.min(item.expiresAt, Date.now() + definition.ttlMs);
      const entry = { value: item.value, freshUntilMs: expiresAt, staleUntilMs: expiresAt + staleMs };
      if (entry.freshUntilMs > Date.now()) return entry;
      if (!fallback || entry.staleUntilMs > fallback.staleUntilMs) fallback = entry;
    }

    let waitMs = gate.waitMs();
    if (waitMs === 0) {
      const started = performance.now();
      try {
        const value = await definition.fetch(key);
        metrics.workosApiCall(definition.method, (performance.now() - started) / 1000);
        const fetchedAt = Date.now();
        const entry = { value, freshUntilMs: fetchedAt + definition.ttlMs, staleUntilMs: fetchedAt + definition.ttlMs + staleMs };
        if (shared && definition.ttlMs > 0) {
          await shared.write(storeKey(key), { value, expiresAt: entry.freshUntilMs }, (definition.ttlMs + staleMs) / 1000);
        }
        return entry;
      } catch (error) {
        const rateLimited = findRateLimitedSignal(error);
        metrics.workosApiCall(definition.method, (performance.now() - started) / 1000, rateLimited ? "http_429" : errorType(error));
        if (!rateLimited) throw toWorkOSApiError(definition.action, error);
        waitMs = rateLimited.retryAfterMs;
      }
    }

    const now = Date.now();
    if (fallback && fallback.staleUntilMs > now) {
      metrics.rateLimitedLookup("served_stale");
      // Held in process until the API may be asked again; the original staleness bound stays.
      return { ...fallback, freshUntilMs: Math.min(now + waitMs, fallback.staleUntilMs) };
    }
    metrics.rateLimitedLookup("refused");
    throw rateLimitedError(definition.action, waitMs);
  };

  return (key) => cache.get(key, (held) => load(key, held));
}

/** A low-cardinality failure class for metrics: the HTTP status, or the error's name. */
function errorType(error: unknown): string {
  const status = statusOf(error);
  return status !== undefined ? `http_${status}` : error instanceof Error ? error.name : "unknown";
}
