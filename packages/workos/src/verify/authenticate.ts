import { WorkOSAuthError } from "../errors.js";
import type { ResolvedConfig } from "../config/types.js";
import type { ProviderMetrics } from "../metrics/provider-metrics.js";
import { sessionFromClaims, type Session } from "../session/session.js";
import { readBearerToken } from "./bearer-header.js";
import type { AudienceBinding } from "./audience-binding.js";
import type { KeySource } from "./jwks-key-source.js";
import { VerifiedTokenCache } from "./token-cache.js";
import type { JwtVerifier, KeyResolver } from "./jwt-verifier.js";
import { verifyAccessToken, type VerifyOptions } from "./verify-access-token.js";

export interface Authenticated {
  token: string;
  session: Readonly<Session>;
}

type AuthorizationValue = string | readonly string[] | undefined;

/**
 * The verification core: an `Authorization` header value in, an authenticated session or a
 * coded {@link WorkOSAuthError} out. Knows nothing of Express or HTTP responses.
 */
export interface Authenticator {
  /** A verified-token cache hit, or the token's signature and claims checked (which may fetch AuthKit's keys). */
  authenticate(authorization: AuthorizationValue): Promise<Authenticated>;
  /**
   * The cache's answer alone, without a promise: the caller of a token verified before and still
   * acceptable, or `undefined` for everything else (a miss, a bad header, a token that now fails
   * the audience or scope rule), which `authenticate` then decides and counts.
   */
  cached(authorization: AuthorizationValue): Authenticated | undefined;
}

export function createAuthenticator(
  config: ResolvedConfig,
  parts: { keys: KeySource; verifier: JwtVerifier; metrics: ProviderMetrics; audience: AudienceBinding },
): Authenticator {
  const { metrics, audience } = parts;
  const cache = config.tokenCache ? new VerifiedTokenCache<Readonly<Session>>(config.tokenCache.maxEntries) : undefined;
  const verifyOptions: Omit<VerifyOptions, "audiences" | "getKey"> = {
    issuer: config.issuer,
    clockToleranceSeconds: config.clockToleranceSeconds,
    verifier: parts.verifier,
  };

  const hasRequiredScopes = (session: Readonly<Session>) => config.requiredScopes.every((scope) => session.scopes.includes(scope));

  function cached(authorization: AuthorizationValue): Authenticated | undefined {
    if (!cache) return undefined;
    const token = readBearerToken(authorization);
    if (token === undefined) return undefined;
    const session = cache.get(VerifiedTokenCache.keyOf(token), Date.now());
    if (!session || !audience.stillAccepts(session.claims.aud) || !hasRequiredScopes(session)) return undefined;
    metrics.tokenCacheLookup(true);
    return { token, session };
  }

  async function authenticate(authorization: AuthorizationValue): Promise<Authenticated> {
    const token = readBearerToken(authorization);
    if (token === undefined) throw new WorkOSAuthError("missing_token", "Missing or invalid bearer token");

    const key = cache ? VerifiedTokenCache.keyOf(token) : "";
    let session = cache?.get(key, Date.now());
    if (cache) metrics.tokenCacheLookup(session !== undefined);
    // Cached before the audience was bound: verify again, under today's rule.
    if (session && !audience.stillAccepts(session.claims.aud)) session = undefined;
    if (!session) {
      metrics.verification();
      let keyTrustedUntilMs = 0;
      const getKey: KeyResolver = async (header, jws) => {
        const resolved = await parts.keys.resolveKey(header, jws);
        keyTrustedUntilMs = resolved.trustedUntilMs;
        return resolved.key;
      };
      session = sessionFromClaims(await verifyAccessToken(token, { ...verifyOptions, getKey, audiences: audience.accepted() }));
      audience.noteVerified(session.claims.aud);
      // Kept until `exp`, but never past the moment the key set that verified it is fetched again:
      // a hit consults no key, so a token signed by a key AuthKit has since withdrawn (the issuer's
      // only way to revoke one, RFC 8725 §3.1) must come back to verification against the new set.
      // Counted from the verification instead, an entry made just before a refetch would outlive
      // the withdrawal by a second `cacheMaxAgeMs`.
      cache?.set(key, session, Math.min(session.expiresAtSeconds * 1000, keyTrustedUntilMs));
    }

    if (!hasRequiredScopes(session)) {
      throw new WorkOSAuthError("insufficient_scope", `Insufficient scope: requires ${config.requiredScopes.join(" ")}`, {
        requiredScopes: config.requiredScopes,
      });
    }
    return { token, session };
  }

  return {
    cached,
    authenticate: (authorization) =>
      authenticate(authorization).catch((error: unknown) => {
        metrics.authFailure(error instanceof WorkOSAuthError ? error.code : "invalid_token");
        throw error;
      }),
  };
}
