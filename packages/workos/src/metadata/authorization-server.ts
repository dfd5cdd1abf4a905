import type { Logger } from "../logger.js";
import type { OAuthAuthorizationServerMetadata } from "./types.js";

export interface AuthorizationServerMetadataSource {
  get(): Promise<OAuthAuthorizationServerMetadata>;
  /**
   * Fetches the document now, in the background, so the first discovery request is answered
   * from the cache. A failure is logged like any other but leaves no back-off behind: the first
   * request asks AuthKit again.
   */
  prefetch(): Promise<void>;
}

/**
 * AuthKit's RFC 8414 document, passed through: it is the only place AuthKit advertises client
 * id metadata documents, dynamic registration and PKCE, and MCP clients that look for it at the
 * resource's origin (older MCP specs) would otherwise find nothing.
 *
 * Fetched with a timeout, its `issuer` checked (RFC 8414 §3.3), cached for `ttlMs`, and served
 * stale while AuthKit is unreachable. Before any successful fetch a static document with AuthKit's
 * endpoint layout stands in, so clients can still proceed; that is logged as a warning.
 */
export function createAuthorizationServerMetadataSource(options: {
  issuer: string;
  ttlMs: number;
  timeoutMs: number;
  logger: Logger;
}): AuthorizationServerMetadataSource {
  const url = `${options.issuer}/.well-known/oauth-authorization-server`;
  const fallback = staticAuthKitMetadata(options.issuer);
  let cached: { document: OAuthAuthorizationServerMetadata; fetchedAtMs: number } | undefined;
  let inFlight: Promise<OAuthAuthorizationServerMetadata> | undefined;
  // After a failure, wait before asking again so an outage does not turn every discovery request into a fetch.
  let retryAfterMs = 0;

  async function refresh(): Promise<OAuthAuthorizationServerMetadata> {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs), headers: { accept: "application/json" } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const document = (await response.json()) as OAuthAuthorizationServerMetadata;
      if (!document || typeof document !== "object" || document.issuer !== options.issuer) {
        throw new Error("issuer in the document does not match the configured AuthKit domain");
      }
      cached = { document, fetchedAtMs: Date.now() };
      return document;
    } catch (error) {
      retryAfterMs = Date.now() + Math.min(options.ttlMs, 30_000);
      const reason = error instanceof Error ? error.message : String(error);
      options.logger.warn(
        cached
          ? "[WorkOS] AuthKit metadata unreachable; serving the cached document"
          : "[WorkOS] AuthKit metadata unreachable and never fetched; serving a static fallback",
        { url, reason },
      );
      return cached?.document ?? fallback;
    } finally {
      inFlight = undefined;
    }
  }

  return {
    get() {
      const now = Date.now();
      if (cached && now - cached.fetchedAtMs < options.ttlMs) return Promise.resolve(cached.document);
      if (now < retryAfterMs) return Promise.resolve(cached?.document ?? fallback);
      return (inFlight ??= refresh());
    },
    async prefetch() {
      await (inFlight ??= refresh());
      if (!cached) retryAfterMs = 0;
    },
  };
}

/**
 * AuthKit's document as its metadata reference lists it (no `jwks_uri`: AuthKit names that only in
 * its OpenID configuration), used only until the real document has been fetched once.
 */
export function staticAuthKitMetadata(issuer: string): OAuthAuthorizationServerMetadata {
  return {
    issuer,
    authorization_endpoint: `${issuer}/oauth2/authorize`,
    token_endpoint: `${issuer}/oauth2/token`,
    registration_endpoint: `${issuer}/oauth2/register`,
    introspection_endpoint: `${issuer}/oauth2/introspection`,
    response_types_supported: ["code"],
    response_modes_supported: ["query"],
    grant_types_supported: ["authorization_code", "refresh_token"],
    code_challenge_methods_supported: ["S256"],
    // `none` first: MCP hosts register as public clients and authenticate with PKCE alone.
    token_endpoint_auth_methods_supported: ["none", "client_secret_post", "client_secret_basic"],
    scopes_supported: ["openid", "profile", "email", "offline_access"],
    client_id_metadata_document_supported: true,
  };
}
