import { STATS_PATH } from "./apps.js";
import type { Variant } from "./variants.js";

/** What a server's provider counted, from its `stats()`: verified-token cache lookups and verifications. */
export interface ServerCounts {
  hits: number;
  misses: number;
  verifications: number;
}

/** The counters of the authenticated build listening at `origin` (see `bench/apps.ts`). */
export async function readServerCounts(origin: string): Promise<ServerCounts> {
  const stats = (await (await countersRoute(origin)).json()) as { tokenCache: { hits: number; misses: number }; verifications: number };
  return { hits: stats.tokenCache.hits, misses: stats.tokenCache.misses, verifications: stats.verifications };
}

/**
 * The same request to a process whose counts are not checked (a baseline answers `{}`), so that
 * every process of a set serves the same routes between its measured runs. Read on the
 * authenticated processes alone, Next.js's hits came out at 0.895 × the baseline; read on every
 * process, at 1.080 ×, in two runs of six sets a quarter of an hour apart (bench/README.md).
 */
export async function touchServerCounts(origin: string): Promise<void> {
  await (await countersRoute(origin)).arrayBuffer();
}

async function countersRoute(origin: string): Promise<Response> {
  const response = await fetch(new URL(STATS_PATH, origin));
  if (!response.ok) throw new Error(`bench: ${origin}${STATS_PATH} answered ${response.status}`);
  return response;
}

export function countsBetween(before: ServerCounts, after: ServerCounts): ServerCounts {
  return { hits: after.hits - before.hits, misses: after.misses - before.misses, verifications: after.verifications - before.verifications };
}

/** Why the counts of a run that sent no token contradict it (any token-cache lookup), or undefined. */
export function lookupsWithoutToken(counts: ServerCounts): string | undefined {
  const lookups = counts.hits + counts.misses;
  return lookups > 0 ? `${lookups} token-cache lookups in a no-token run` : undefined;
}

/**
 * Why the server's counts contradict what the variant claims to measure, or undefined when they
 * agree. The server may count a little more than the load generator: requests still in flight
 * when a run ends (at most one per connection, from this run and the unmeasured one before it)
 * are served but not counted by autocannon. It may never count less.
 *
 * A cached token is verified again once its entry has lived `cache.jwks.cacheMaxAgeMs` (10
 * minutes by default; a key AuthKit withdrew must stop its tokens), so a run of a long-lived
 * process may verify each of the `tokensSent` tokens of a hits variant once, never more.
 */
export function contradiction(variant: Variant, counts: ServerCounts, requests: number, connections: number, tokensSent = 1): string | undefined {
  if (!variant.expect) return undefined;
  const { hits, misses, verifications } = counts;
  const slack = 2 * connections;
  const about = (n: number) => n >= requests && n <= requests + slack;
  const seen = `the server counted ${hits} cache hits, ${misses} misses and ${verifications} verifications for ${requests} requests`;
  switch (variant.expect) {
    case "hits":
      return misses <= tokensSent && verifications === misses && about(hits + misses) ? undefined : `${variant.id} should be all cache hits, but ${seen}`;
    case "misses":
      return hits === 0 && about(misses) && verifications === misses ? undefined : `${variant.id} should be all cache misses, but ${seen}`;
    case "uncached":
      return hits + misses === 0 && about(verifications) ? undefined : `${variant.id} should verify every request with no cache, but ${seen}`;
  }
}
