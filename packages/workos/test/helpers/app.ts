import express from "express";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getSession, workosProvider, type AuthInfo, type WorkOSConfig, type WorkOSProvider } from "../../src/index.js";

// The package's types do not touch Express's; the tests' Express handlers read `req.auth` typed.
declare module "express-serve-static-core" {
  interface Request {
    auth?: AuthInfo;
  }
}

export interface TestApp {
  url: string;
  provider: WorkOSProvider;
  stop(): Promise<void>;
}

export const RESOURCE = "http://127.0.0.1:3001/mcp";

/**
 * A provider configuration for a local issuer. `strictAudience` is decided (false), so the provider
 * does not ask the WorkOS API for the environment's resource indicators at start-up; tests of that
 * lookup pass `strictAudience: undefined` and an `apiURL` of their own.
 */
export function baseConfig(issuerURL: string, overrides: Partial<WorkOSConfig> = {}): WorkOSConfig {
  return {
    apiKey: "sk_test_123",
    clientId: "client_01ENV",
    baseURL: "http://127.0.0.1:3001",
    authkitDomain: issuerURL,
    strictAudience: false,
    ...overrides,
  };
}

/**
 * A real Express app with the provider mounted the way xmcp mounts it (before the MCP endpoint).
 * `/mcp` answers with the session the handler sees.
 */
export async function startApp(
  config: WorkOSConfig,
  mcpHandler: express.RequestHandler = (req, res) => res.json({ session: getSession(), auth: req.auth }),
): Promise<TestApp> {
  const provider = workosProvider(config);
  const app = express();
  app.use(provider);
  app.all(/^\/mcp(\/.*)?$/, mcpHandler);
  app.get("/health", (_req, res) => res.json({ ok: true }));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    provider,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Resolves once the provider's start-up fetch of the key set has landed or failed, so a test
 * that counts JWKS requests starts from a known state.
 */
export async function startupFetchSettled(app: TestApp): Promise<void> {
  for (;;) {
    const { jwks } = app.provider.stats();
    if (jwks.keys > 0 || jwks.failures > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
