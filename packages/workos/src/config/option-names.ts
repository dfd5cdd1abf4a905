import type { CacheConfig, WorkOSConfig } from "./types.js";

/** Every option name, level by level; `true` marks a leaf whose value is not walked (a logger, a list). */
type OptionNames<T> = { readonly [K in keyof Required<T>]: true | OptionNames<NonNullable<Exclude<Required<T>[K], false>>> };

const cacheNames: OptionNames<CacheConfig> = {
  tokens: { maxEntries: true },
  users: { ttlSeconds: true, maxEntries: true },
  memberships: { ttlSeconds: true, maxEntries: true },
  jwks: { cacheMaxAgeMs: true, cooldownMs: true, timeoutMs: true, maxStaleMs: true },
  metadata: { ttlSeconds: true, timeoutMs: true },
  // A leaf: the store's own methods are not option names.
  store: true,
  storeTimeoutMs: true,
  staleIfRateLimitedSeconds: true,
};

const workosConfigNames: OptionNames<WorkOSConfig> = {
  apiKey: true,
  clientId: true,
  baseURL: true,
  authkitDomain: true,
  docsURL: true,
  mcpPath: true,
  audience: true,
  strictAudience: true,
  allowedOrigins: true,
  requiredScopes: true,
  scopesSupported: true,
  apiURL: true,
  apiHostname: true,
  apiPort: true,
  apiHttps: true,
  apiMaxRetries: true,
  clockToleranceSeconds: true,
  logger: true,
  cache: cacheNames,
};

/**
 * Refuses option names the provider does not know, at every level of the options object. A
 * misspelt `requiredScope` would otherwise be ignored and silently turn scope enforcement off;
 * the error names the option and the closest name that exists.
 */
export function checkOptionNames(input: object): void {
  walk(input, workosConfigNames as Record<string, unknown>, "");
}

function walk(input: object, names: Record<string, unknown>, path: string): void {
  for (const key of Object.keys(input)) {
    const expected = Object.hasOwn(names, key) ? names[key] : undefined;
    if (expected === undefined) {
      const suggestion = closest(key, Object.keys(names));
      throw new TypeError(`[WorkOS] Unknown option "${path}${key}" (did you mean "${path}${suggestion}"?)`);
    }
    const value = (input as Record<string, unknown>)[key];
    if (expected !== true && isPlainObject(value)) walk(value, expected as Record<string, unknown>, `${path}${key}.`);
  }
}

function isPlainObject(value: unknown): value is object {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** The name with the smallest edit distance, case differences counting as half an edit. */
function closest(name: string, candidates: string[]): string {
  let best = candidates[0]!;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate) + editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
