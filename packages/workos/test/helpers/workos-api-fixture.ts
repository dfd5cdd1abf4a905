import type { RequestHandler } from "express";
import { afterAll, afterEach, beforeAll, vi } from "vitest";
import { startEmulator, type RunningEmulator } from "@xmcp-dev/authkit-emulator";
import type { WorkOSConfig } from "../../src/index.js";
import { baseConfig, startApp, type TestApp } from "./app.js";
import { FaultProxy } from "./fault-proxy.js";
import { TestIssuer } from "./issuer.js";

export interface WorkOSApiFixture {
  issuer: TestIssuer;
  emulator: RunningEmulator;
  /** In front of the emulator's WorkOS API: counts requests and injects faults. */
  proxy: FaultProxy;
  /** A fresh provider (fresh caches) serving `tool` at `/mcp`, its WorkOS SDK going through the proxy. */
  start(overrides?: Partial<WorkOSConfig>): Promise<TestApp>;
}

/**
 * For a test file whose tools call the WorkOS API: a token issuer, the emulator and a fault proxy
 * for the file; after each test the apps stop, the proxy forwards again with counts cleared, and
 * the real clock is back. Read the fields inside tests (they exist once `beforeAll` has run).
 */
export function useWorkOSApiBehindProxy(tool: RequestHandler): WorkOSApiFixture {
  const apps: TestApp[] = [];
  const fixture = {
    async start(overrides: Partial<WorkOSConfig> = {}) {
      const config = baseConfig(fixture.issuer.url, { apiKey: fixture.emulator.apiKey, apiURL: fixture.proxy.url, ...overrides });
      const app = await startApp(config, tool);
      apps.push(app);
      return app;
    },
  } as WorkOSApiFixture;

  beforeAll(async () => {
    fixture.issuer = await TestIssuer.start();
    fixture.emulator = await startEmulator({ port: 0 });
    fixture.proxy = await FaultProxy.start(fixture.emulator.url);
  });
  afterEach(async () => {
    vi.useRealTimers();
    fixture.proxy.reset();
    await Promise.all(apps.splice(0).map((app) => app.stop()));
  });
  afterAll(async () => {
    await fixture.proxy.stop();
    await fixture.emulator.stop();
    await fixture.issuer.stop();
  });
  return fixture;
}
