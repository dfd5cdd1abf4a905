import type { WorkOS } from "@workos-inc/node";
import { authkitJwksUrl } from "../config/authkit-domain.js";
import { resolveConfig } from "../config/resolve-config.js";
import type { WorkOSConfig } from "../config/types.js";
import { WorkOSAuthError } from "../errors.js";
import { errorResponse } from "../http/error-response.js";
import { createOriginPolicy } from "../http/origin-policy.js";
import type { Logger } from "../logger.js";
import { ProviderMetrics, type ProviderStats } from "../metrics/provider-metrics.js";
import { createAuthorizationServerMetadataSource } from "../metadata/authorization-server.js";
import { protectedResourceMetadata } from "../metadata/protected-resource.js";
import type { OAuthAuthorizationServerMetadata, OAuthProtectedResourceMetadata } from "../metadata/types.js";
import { toAuthInfo, type AuthInfo } from "../session/auth-info.js";
import { registerClient, runWithRequestContext } from "../session/request-context.js";
import type { Session } from "../session/session.js";
import { createAudienceBinding, detectAudienceBinding } from "../verify/audience-binding.js";
import { createAuthenticator } from "../verify/authenticate.js";
import { createJwksKeySource } from "../verify/jwks-key-source.js";
import { webCryptoJwtVerifier, type JwtVerifier } from "../verify/jwt-verifier.js";
import { createWorkOSClient } from "../workos/client.js";
import type { LookupDependencies } from "../workos/cached-lookup.js";
import { createMembershipResolver } from "../workos/membership-resolver.js";
import { listResourceIndicatorURIs } from "../workos/resource-indicators.js";
import { gatedFetch, RateLimitGate } from "../workos/rate-limit-gate.js";
import { SharedCache } from "../workos/shared-cache.js";
import { createUserLoader } from "../workos/user-cache.js";
import { createDiscoveryRoute } from "./discovery.js";
import { guardRequest, type GuardDecision, type GuardRequest, type GuardSteps } from "./guard.js";
import { otherReadings } from "./request-target.js";
import type { HttpAnswer } from "./http-answer.js";

/** A verified request: the token, its session, and the MCP `AuthInfo` to hand to the MCP server. */
export interface AuthSuccess {
  ok: true;
  token: string;
  session: Readonly<Session>;
  authInfo: AuthInfo;
}

/** A request that must be answered with {@link WorkOSAuth.challenge}. */
export interface AuthFailure {
  ok: false;
  error: WorkOSAuthError;
}

export type AuthResult = AuthSuccess | AuthFailure;

/**
 * WorkOS AuthKit for any HTTP framework: the verification core every adapter (Express, Workers,
 * Next.js) translates. It knows nothing of a framework's request or response objects.
 */
export interface WorkOSAuth {
  /** The protected endpoint's path, normalised (no trailing slash). */
  readonly mcpPath: string;
  /** Canonical resource identifier, `${baseURL}${mcpPath}` (RFC 8707 / RFC 9728). */
  readonly resource: string;
  /** Absolute URL of the path-form protected resource metadata (RFC 9728 §3.1). */
  readonly resourceMetadataURL: string;
  /** The AuthKit issuer origin. */
  readonly issuer: string;
  /** The WorkOS SDK client shared by every request of this provider. */
  readonly client: WorkOS;
  readonly logger: Logger;
  /** The RFC 9728 document served at `/.well-known/oauth-protected-resource[mcpPath]`. */
  readonly protectedResourceMetadata: OAuthProtectedResourceMetadata;
  /** AuthKit's RFC 8414 document: cached, stale while AuthKit is unreachable, a static fallback before the first fetch. */
  authorizationServerMetadata(): Promise<OAuthAuthorizationServerMetadata>;
  /**
   * Whether a request to `pathname` needs a bearer token: `mcpPath` and everything below it,
   * case-insensitively (Express routes `/MCP` to `/mcp`, so a guard must match the same way),
   * under every spelling a router reads as such (`/%6Dcp`, `//mcp`, `/mcp;x`: `otherReadings`).
   */
  protects(pathname: string): boolean;
  /**
   * The discovery documents and their CORS preflights, or `undefined` when the request is not for
   * one of them (pass it on).
   */
  discovery(method: string, pathname: string): Promise<HttpAnswer> | undefined;
  /**
   * The 403 answer for a request to a protected path whose `Origin` is present and not allowed
   * (MCP transport spec, DNS rebinding), or `undefined` to go on. Call it before anything else,
   * preflights included.
   */
  refuseOrigin(origin: string | readonly string[] | null | undefined): HttpAnswer | undefined;
  /** Verifies the `Authorization` header value(s). Never rejects: a failure is a coded {@link WorkOSAuthError}. */
  authenticate(authorization: string | readonly string[] | null | undefined): Promise<AuthResult>;
  /** The 401/403/503 answer for a failure (RFC 6750 §3, with `resource_metadata` per RFC 9728 §5.1). */
  challenge(error: WorkOSAuthError): HttpAnswer;
  /**
   * Running totals since the core was created (token cache hits and misses, verifications,
   * failures by code, JWKS fetches, WorkOS API calls): a copy, cheap to take. The same figures go
   * to OpenTelemetry when the application registers an SDK.
   */
  stats(): ProviderStats;
  /**
   * Everything above in the order every adapter follows: pass the request on, answer it, or run
   * it authenticated. An adapter only translates its request into a {@link GuardRequest} and the
   * decision into its response.
   */
  guard(request: GuardRequest): Promise<GuardDecision>;
  /**
   * {@link guard}'s decision without the promise when it needs no I/O: a pass, a refusal, or a
   * token found in the verified-token cache (every request of a signed-in client after its first).
   * A promise otherwise. For adapters that can then hand the request on in the same tick.
   */
  decide(request: GuardRequest): GuardDecision | Promise<GuardDecision>;
  /** Runs `fn` (the rest of the request) so that `getSession()`, `getUser()`, `getClient()` and `getAccess()` see this caller. */
  runWithSession<T>(authenticated: AuthSuccess, fn: () => T): T;
}

/**
 * What differs between runtimes, chosen by the entry point: `workosProvider` (Node) passes the
 * Node verifier; `createWorkOSAuth` gets jose's WebCrypto one, which runs wherever
 * `crypto.subtle` does.
 */
export interface CoreRuntime {
  verifier?: JwtVerifier;
}

/**
 * Builds the core once: the configuration check, the JWKS key set, the WorkOS client, the
 * metadata documents and the caches. Adapters call it when their factory runs, never per request.
 *
 * @example
 * const auth = createWorkOSAuth({ apiKey, clientId, baseURL: "https://mcp.example.com", authkitDomain: "acme.authkit.app" });
 * const result = await auth.authenticate(request.headers.get("authorization"));
 * if (!result.ok) {
 *   const { status, headers, body } = auth.challenge(result.error);
 *   return Response.json(body, { status, headers });
 * }
 * return auth.runWithSession(result, () => handle(request));
 */
export function createWorkOSAuth(options: WorkOSConfig): WorkOSAuth {
  return buildWorkOSAuth(options, {});
}

/** {@link createWorkOSAuth} with the runtime's parts chosen by a Node entry point (`workosProvider`). */
export function buildWorkOSAuth(options: WorkOSConfig, runtime: CoreRuntime): WorkOSAuth {
  const config = resolveConfig(options);
  const { logger } = config;
  const metrics = new ProviderMetrics();
  const keys = createJwksKeySource(authkitJwksUrl(config.issuer), config.jwks, metrics);
  const client = createWorkOSClient(config);
  registerClient(client);
  // The caches' own client: its fetch honours the API's 429s (gatedFetch); `client` stays the SDK as configured.
  const gate = new RateLimitGate();
  const lookupClient = createWorkOSClient(config, gatedFetch(gate));
  const lookups: LookupDependencies = {
    gate,
    metrics,
    staleMs: config.staleIfRateLimitedMs,
    shared:
      config.sharedStore &&
      new SharedCache({
        ...config.sharedStore,
        clientId: config.clientId,
        logger,
        onRead: (result) => metrics.sharedCacheRead(result),
      }),
  };
  const services = {
    client,
    users: createUserLoader(lookupClient, lookups, config.users),
    memberships: createMembershipResolver(lookupClient, lookups, config.memberships),
  };
  const audience = createAudienceBinding({ ...config, logger });
  const verify = createAuthenticator(config, { keys, metrics, audience, verifier: runtime.verifier ?? webCryptoJwtVerifier });

  const protectedResource = protectedResourceMetadata(config);
  const authorizationServer = createAuthorizationServerMetadataSource({
    issuer: config.issuer,
    ttlMs: config.metadata.ttlMs,
    timeoutMs: config.metadata.timeoutMs,
    logger,
  });
  const discovery = createDiscoveryRoute({ mcpPath: config.mcpPath, protectedResource, authorizationServer });

  const allowsOrigin = createOriginPolicy(config);
  const mcpPath = config.mcpPath.toLowerCase();
  const mcpPrefix = mcpPath.endsWith("/") ? mcpPath : `${mcpPath}/`;
  const isUnderMcpPath = (pathname: string) => {
    const path = pathname.toLowerCase();
    return path === mcpPath || path.startsWith(mcpPrefix);
  };

  async function authenticate(authorization: string | readonly string[] | null | undefined): Promise<AuthResult> {
    try {
      return success(await verify.authenticate(authorization ?? undefined));
    } catch (error) {
      if (error instanceof WorkOSAuthError) {
        logger.debug("[WorkOS] Request rejected", { code: error.code });
        return { ok: false, error };
      }
      logger.error("[WorkOS] Unexpected verification failure", { reason: String(error) });
      return { ok: false, error: new WorkOSAuthError("invalid_token", "Token verification failed", { cause: error }) };
    }
  }

  function success({ token, session }: { token: string; session: Readonly<Session> }): AuthSuccess {
    return { ok: true, token, session, authInfo: toAuthInfo(token, session, config.resource) };
  }

  function challenge(error: WorkOSAuthError): HttpAnswer {
    const answer = errorResponse(error, config);
    return {
      status: answer.status,
      headers: {
        ...answer.headers,
        "content-type": "application/json; charset=utf-8",
        // Browser-based MCP clients (the MCP Inspector, web hosts) can read the challenge only if CORS exposes it.
        "access-control-expose-headers": "WWW-Authenticate",
      },
      body: answer.body,
    };
  }

  if (mayFetchOutsideRequests()) {
    // A new instance (every serverless cold start) would otherwise make its first authenticated
    // request wait a round trip to AuthKit for the keys. Never fatal: the first request retries.
    keys.prefetch().catch((error: unknown) =>
      logger.warn("[WorkOS] AuthKit's signing keys could not be fetched at start-up; the first request will try again", {
        url: keys.url.href,
        reason: error instanceof Error ? error.message : String(error),
      }),
    );
    void authorizationServer.prefetch();
    // On Workers the default audience stays as it is: set strictAudience there.
    if (config.strictAudience === undefined) {
      void detectAudienceBinding({ ...config, binding: audience, listResourceIndicators: () => listResourceIndicatorURIs(client), logger });
    }
  }

  logger.info("[WorkOS] AuthKit provider ready", { issuer: config.issuer, resource: config.resource });

  const steps: GuardSteps = {
    discovery,
    protects(pathname: string) {
      // And every other spelling a router may route to mcpPath (otherReadings): `/%6Dcp`, `//mcp`, `/mcp;x`.
      return isUnderMcpPath(pathname) || otherReadings(pathname).some(isUnderMcpPath);
    },
    refuseOrigin(origin: string | readonly string[] | null | undefined) {
      if (allowsOrigin(origin ?? undefined)) return undefined;
      logger.debug("[WorkOS] Request rejected", { code: "origin_not_allowed" });
      return challenge(new WorkOSAuthError("origin_not_allowed", "Origin not allowed"));
    },
    authenticate,
    challenge,
    authenticateCached(authorization) {
      const hit = verify.cached(authorization ?? undefined);
      return hit && success(hit);
    },
  };

  const auth: WorkOSAuth = Object.freeze({
    mcpPath: config.mcpPath,
    resource: config.resource,
    resourceMetadataURL: config.resourceMetadataURL,
    issuer: config.issuer,
    client,
    logger,
    protectedResourceMetadata: protectedResource,
    authorizationServerMetadata: () => authorizationServer.get(),
    protects: steps.protects,
    discovery,
    refuseOrigin: steps.refuseOrigin,
    authenticate,
    challenge,
    stats: () => metrics.stats(),
    // An async function, so that even a throw from a step reaches the caller as a rejection.
    guard: async (request: GuardRequest) => guardRequest(steps, request),
    decide: (request: GuardRequest) => guardRequest(steps, request),
    runWithSession<T>(authenticated: AuthSuccess, fn: () => T): T {
      return runWithRequestContext(
        { ...services, session: authenticated.session, token: authenticated.token, opened: { by: auth, authInfo: authenticated.authInfo } },
        fn,
      );
    },
  });
  return auth;
}

/**
 * Cloudflare Workers refuse I/O outside a request handler, where a provider is usually created
 * (module scope); there the first request fetches. jose tells Workers apart the same way.
 */
function mayFetchOutsideRequests(): boolean {
  return !(typeof navigator !== "undefined" && navigator.userAgent === "Cloudflare-Workers");
}
