import { WorkOSAuthError } from "../errors.js";
import type { ResolvedConfig } from "../config/types.js";
import type { ProviderMetrics } from "../metrics/provider-metrics.js";
import { sessionFromClaims, type Session } from "../session/session.js";
import { readBearerToken } from "./bearer-header.js";
import type { AudienceBinding } from "./audience-binding.js";
import type { KeySource } from "./jwks-key-source.js";
import { VerifiedTokenCache } from "./token-cache.js";
import type { JwtVerifier } from "./jwt-verifier.js";
import { verifyAccessToken, type VerifyOptions } from "./verify-access-token.js";

export interface Authenticated {
  token: string;
  session: Readonly<Session>;
}

export type Authenticate = (authorization: string | readonly string[] | undefined) => Promise<Authenticated>;

/**
 * The verification core: an `Authorization` header value in, an authenticated session or a
 * coded {@link WorkOSAuthError} out. Knows nothing of Express or HTTP responses.
 */
export function createAuthenticator(
  config: ResolvedConfig,
  parts: { keys: KeySource; verifier: JwtVerifier; metrics: ProviderMetrics; audience: AudienceBinding },
): Authenticate {
  const { metrics, audience } = parts;
  const cache = config.tokenCache ? new VerifiedTokenCache<Readonly<Session>>(config.tokenCache.maxEntries) : undefined;
  const verifyOptions: Omit<VerifyOptions, "audiences"> = {
    issuer: config.issuer,
    clockToleranceSeconds: config.clockToleranceSeconds,
    keys: parts.keys,
    verifier: parts.verifier,
  };

  async function authenticate(authorization: string | readonly string[] | undefined): Promise<Authenticated> {
    const token = readBearerToken(authorization);
    if (token === undefined) throw new WorkOSAuthError("missing_token", "Missing or invalid bearer token");

    const key = cache ? VerifiedTokenCache.keyOf(token) : "";
    let session = cache?.get(key, Date.now());
    if (cache) metrics.tokenCacheLookup(session !== undefined);
    // Cached before the audience was bound: verify again, under today's rule.
    if (session && !audience.stillAccepts(session.claims.aud)) session = undefined;
    if (!session) {
      metrics.verification();
      session = sessionFromClaims(await verifyAccessToken(token, { ...verifyOptions, audiences: audience.accepted() }));
      audience.noteVerified(session.claims.aud);
      cache?.set(key, session, session.expiresAtSeconds * 1000);
    }

    const missing = config.requiredScopes.filter((scope) => !session.scopes.includes(scope));
    if (missing.length > 0) {
      throw new WorkOSAuthError("insufficient_scope", `Insufficient scope: requires ${config.requiredScopes.join(" ")}`, {
        requiredScopes: config.requiredScopes,
      });
    }
    return { token, session };
  }

  return (authorization) =>
    authenticate(authorization).catch((error: unknown) => {
      metrics.authFailure(error instanceof WorkOSAuthError ? error.code : "invalid_token");
      throw error;
    });
}
