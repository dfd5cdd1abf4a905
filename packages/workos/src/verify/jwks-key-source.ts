import {
  createLocalJWKSet,
  createRemoteJWKSet,
  customFetch,
  errors,
  flattenedVerify,
  jwksCache,
  type CryptoKey,
  type FlattenedJWSInput,
  type JSONWebKeySet,
  type JWSHeaderParameters,
} from "jose";
import { WorkOSAuthError } from "../errors.js";
import type { ProviderMetrics } from "../metrics/provider-metrics.js";

export interface JwksSettings {
  cacheMaxAgeMs: number;
  cooldownMs: number;
  timeoutMs: number;
  /** How long after its last successful fetch the held set may still answer while AuthKit is unreachable. */
  maxStaleMs: number;
}

export type KeySource = ReturnType<typeof createJwksKeySource>;

/** A token's key, and until when the set it came from is trusted without a refetch. */
export interface ResolvedKey {
  key: CryptoKey;
  trustedUntilMs: number;
}

/**
 * AuthKit's signing keys, fetched once per process and shared by every request.
 *
 * jose's remote set refetches when its cache ages out or a token names an unknown `kid`. If that
 * refetch fails, a set we already hold is still the best answer for keys it contains, so we fall
 * back to it, and for a few seconds after a failure skips the fetch altogether: a JWKS outage
 * then costs next to nothing for tokens signed by known keys. Only when no key
 * can be had at all does verification fail with `jwks_unavailable` (503), never a 401 that would
 * send clients back through sign-in for an outage they cannot fix. The held set is trusted for
 * `maxStaleMs` after its last successful fetch and no longer: a key AuthKit has since revoked must
 * not verify tokens for as long as an outage (or an attacker blocking the fetch) lasts.
 *
 * jose will not refetch for an unknown `kid` during its cooldown (30 s by default). Right after
 * AuthKit rotates keys that would refuse every token signed by the new key, and MCP clients
 * answer a 401 by signing the user in again. So within the cooldown an unknown `kid` may still
 * force one refetch, shared by concurrent requests and at most one per second, which keeps a
 * flood of made-up `kid`s from turning into a flood of JWKS requests.
 */
export function createJwksKeySource(
  jwksURL: URL,
  settings: JwksSettings,
  metrics?: Pick<ProviderMetrics, "jwksFetch" | "observeHeldKeys">,
) {
  // jose writes every successfully fetched set here, with the time of the fetch.
  const fetched: { jwks?: JSONWebKeySet; uat?: number } = {};
  const remote = createRemoteJWKSet(jwksURL, {
    cacheMaxAge: settings.cacheMaxAgeMs,
    cooldownDuration: settings.cooldownMs,
    timeoutDuration: settings.timeoutMs,
    [jwksCache]: fetched as Record<string, never>,
    ...(metrics ? { [customFetch]: timedFetch(metrics) } : {}),
  });
  metrics?.observeHeldKeys(() => remote.jwks()?.keys.length ?? 0);

  const forcedReloadIntervalMs = Math.min(1_000, settings.cooldownMs);
  let lastForcedReloadMs = -Infinity;
  let forcedReload: Promise<void> | undefined;

  function reloadForUnknownKid(): Promise<void> | undefined {
    if (forcedReload) return forcedReload;
    if (Date.now() - lastForcedReloadMs < forcedReloadIntervalMs) return undefined;
    lastForcedReloadMs = Date.now();
    return (forcedReload = remote.reload().finally(() => (forcedReload = undefined)));
  }

  async function resolve(header: JWSHeaderParameters, token: FlattenedJWSInput) {
    try {
      return await remote(header, token);
    } catch (error) {
      const reload = error instanceof errors.JWKSNoMatchingKey && remote.coolingDown ? reloadForUnknownKid() : undefined;
      if (!reload) throw error;
      await reload;
      return await remote(header, token);
    }
  }

  // After a failed fetch, requests answer from the held set for a short while instead of each
  // cohort waiting `timeoutMs` on a fetch that is likely to fail again.
  const outageBackoffMs = Math.min(settings.cooldownMs, 5_000);
  let unreachableUntilMs = 0;
  let lastKnown: { jwks: JSONWebKeySet; resolve: ReturnType<typeof createLocalJWKSet> } | undefined;

  /** The last set jose fetched while it is young enough to trust, imported once per fetch rather than once per request. */
  function heldKeys() {
    const { jwks, uat } = fetched;
    if (!jwks || uat === undefined || Date.now() - uat > settings.maxStaleMs) return undefined;
    if (lastKnown?.jwks !== jwks) lastKnown = { jwks, resolve: createLocalJWKSet(jwks) };
    return lastKnown.resolve;
  }

  /**
   * The held set's key, while the JWKS cannot be reached. No fetch can say meanwhile whether a key
   * was withdrawn: the held set's answer stands for as long as a fresh set's would, and never past
   * the held set's own `maxStaleMs`.
   */
  async function fromHeldKeys(header: JWSHeaderParameters, token: FlattenedJWSInput, cause: unknown): Promise<ResolvedKey> {
    const held = heldKeys();
    if (held) {
      try {
        const key = await oneKey(held, header, token);
        return { key, trustedUntilMs: Math.min((fetched.uat ?? 0) + settings.maxStaleMs, Date.now() + settings.cacheMaxAgeMs) };
      } catch (error) {
        // A key was found but is ambiguous in a way no candidate resolves: that is the token's problem.
        if (error instanceof WorkOSAuthError) throw error;
        // The held set has no key for this kid: fall through to 503.
      }
    }
    throw new WorkOSAuthError("jwks_unavailable", "Unable to reach the authorization server's signing keys", { cause });
  }

  /**
   * The key a token names, and until when the set it came from is trusted without a refetch:
   * a fetched set until it ages out (`cacheMaxAgeMs` after its fetch, when jose would fetch it
   * again); during an outage, see `fromHeldKeys`. Whoever remembers a verification (the
   * verified-token cache) must not remember it longer: a key AuthKit withdraws from its set is
   * its only way to revoke the tokens that key signed (RFC 8725 §3.1).
   */
  async function resolveKey(header: JWSHeaderParameters, token: FlattenedJWSInput): Promise<ResolvedKey> {
    // AuthKit names its signing key in every token. Without a `kid` jose would pick "the only RSA
    // key in the set", which accepts a token today and rejects it after the next rotation (two
    // keys): a token that names no key is refused outright, before any JWKS fetch.
    if (typeof header.kid !== "string" || header.kid === "") {
      throw new WorkOSAuthError("invalid_token", "Token verification failed");
    }
    if (Date.now() < unreachableUntilMs) return fromHeldKeys(header, token, new Error("JWKS recently unreachable"));
    // jose answers from the set it holds while that set is fresh (unless an unknown `kid` forces a
    // fetch), and from a new one once it has aged out. Another request's fetch may land during
    // this lookup, so a fresh set's time is read now: a forced fetch then only ends the entry sooner.
    const fetchedAt = fetched.uat !== undefined && Date.now() - fetched.uat < settings.cacheMaxAgeMs ? fetched.uat : undefined;
    try {
      const key = await oneKey(resolve, header, token);
      return { key, trustedUntilMs: (fetchedAt ?? fetched.uat ?? 0) + settings.cacheMaxAgeMs };
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      unreachableUntilMs = Date.now() + outageBackoffMs;
      return fromHeldKeys(header, token, error);
    }
  }

  /**
   * Starts fetching the set now, so that the first request finds it held instead of waiting a
   * round trip to AuthKit (a serverless instance's first request is every request's first).
   * Concurrent requests share this fetch. A failure leaves no back-off behind: the first request
   * that needs a key fetches again.
   */
  function prefetch(): Promise<void> {
    return remote.reload();
  }

  return { resolveKey, prefetch, url: jwksURL };
}

/** `fetch`, timed for the `xmcp.workos.jwks.fetch.duration` histogram; jose accepts only a 200. */
function timedFetch(metrics: Pick<ProviderMetrics, "jwksFetch">): typeof fetch {
  return async (input, init) => {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const response = await fetch(input, init);
      metrics.jwksFetch(seconds(), response.status === 200 ? undefined : `http_${response.status}`);
      return response;
    } catch (error) {
      metrics.jwksFetch(seconds(), error instanceof Error && error.name === "TimeoutError" ? "timeout" : "network");
      throw error;
    }
  };
}

/**
 * A set may publish two keys under one `kid` (a rotation that reused the id). jose then names no
 * key and offers the candidates instead; the one whose signature verifies this token is the key,
 * so a valid token is not refused for the issuer's bookkeeping. None verifying is a bad token.
 */
async function oneKey(
  lookup: (header: JWSHeaderParameters, token: FlattenedJWSInput) => Promise<CryptoKey>,
  header: JWSHeaderParameters,
  token: FlattenedJWSInput,
): Promise<CryptoKey> {
  try {
    return await lookup(header, token);
  } catch (error) {
    if (!(error instanceof errors.JWKSMultipleMatchingKeys)) throw error;
    for await (const candidate of error as unknown as AsyncIterable<CryptoKey>) {
      if (await verifiesWith(token, candidate)) return candidate;
    }
    throw new WorkOSAuthError("invalid_token", "Token verification failed", { cause: error });
  }
}

async function verifiesWith(token: FlattenedJWSInput, key: CryptoKey): Promise<boolean> {
  try {
    await flattenedVerify(token, key, { algorithms: ["RS256"] });
    return true;
  } catch {
    return false;
  }
}

/**
 * A failure to obtain the key set, as opposed to a set that has no key for this token. A token
 * that no candidate of a shared `kid` verifies ({@link oneKey}) is the token's fault: counted as
 * an outage, one forged token every few seconds would hold the set back from ever refreshing.
 */
function isUnavailable(error: unknown): boolean {
  if (error instanceof WorkOSAuthError) return false;
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) return false;
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return false;
  return true;
}
