import type { RequestHandler, Router } from "express";
import { resolveConfig } from "./config/resolve-config.js";
import type { WorkOSConfig } from "./config/types.js";
import { createBearerMiddleware } from "./express/middleware.js";
import { createMetadataRouter } from "./express/router.js";
import { ProviderMetrics, type ProviderStats } from "./metrics/provider-metrics.js";
import { createAuthorizationServerMetadataSource } from "./metadata/authorization-server.js";
import { protectedResourceMetadata } from "./metadata/protected-resource.js";
import { registerClient } from "./session/get-session.js";
import { createAuthenticator } from "./verify/authenticate.js";
import { createJwksKeySource } from "./verify/jwks-key-source.js";
import { createWorkOSClient } from "./workos/client.js";
import { createMembershipResolver } from "./workos/membership-resolver.js";
import { createUserLoader } from "./workos/user-cache.js";

/** What xmcp expects as the default export of `src/middleware.ts`. */
export interface WorkOSProvider {
  middleware: RequestHandler;
  router: Router;
  /**
   * Running totals since the provider was created (token cache hits and misses, verifications,
   * failures by code, JWKS fetches, WorkOS API calls): a copy, cheap to take. The same figures go
   * to OpenTelemetry when the application registers an SDK.
   */
  stats(): ProviderStats;
}

/**
 * Puts WorkOS AuthKit in front of an xmcp server. Everything expensive is built here, once:
 * the configuration check, the JWKS key set, the WorkOS client, the metadata documents.
 *
 * @example
 * // src/middleware.ts
 * import { workosProvider } from "@xmcp-dev/workos";
 *
 * export default workosProvider({
 *   apiKey: process.env.WORKOS_API_KEY!,
 *   clientId: process.env.WORKOS_CLIENT_ID!,
 *   baseURL: "https://mcp.example.com",
 *   authkitDomain: "acme.authkit.app",
 * });
 */
export function workosProvider(options: WorkOSConfig): WorkOSProvider {
  const config = resolveConfig(options);
  const metrics = new ProviderMetrics();
  const keys = createJwksKeySource(new URL(`${config.issuer}/oauth2/jwks`), config.jwks);
  const client = createWorkOSClient(config);
  registerClient(client);

  const router = createMetadataRouter({
    mcpPath: config.mcpPath,
    protectedResource: protectedResourceMetadata(config),
    authorizationServer: createAuthorizationServerMetadataSource({
      issuer: config.issuer,
      ttlMs: config.metadata.ttlMs,
      timeoutMs: config.metadata.timeoutMs,
      logger: config.logger,
    }),
  });

  const middleware = createBearerMiddleware({
    mcpPath: config.mcpPath,
    authenticate: createAuthenticator(config, keys, metrics),
    resource: config.resource,
    resourceMetadataURL: config.resourceMetadataURL,
    requiredScopes: config.requiredScopes,
    logger: config.logger,
    context: {
      client,
      users: createUserLoader(client, config.users),
      memberships: createMembershipResolver(client, config.memberships),
    },
  });

  config.logger.info("[WorkOS] AuthKit provider ready", { issuer: config.issuer, resource: config.resource });
  return { middleware, router, stats: () => metrics.stats() };
}
