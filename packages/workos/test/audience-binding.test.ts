import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startEmulator, type RunningEmulator } from "@xmcp-dev/authkit-emulator";
import { baseConfig, RESOURCE, startApp, type TestApp } from "./helpers/app.js";
import { signInThroughEmulator } from "./helpers/emulator-sign-in.js";
import { FaultProxy } from "./helpers/fault-proxy.js";
import { rawRequest } from "./helpers/raw-request.js";
import { recordingLogger } from "./helpers/recording-logger.js";

/**
 * Audience binding with the default `strictAudience`: tokens AuthKit issued without a resource
 * (aud = the environment client id) are accepted, and that is logged once, until the provider
 * finds this server's resource among the environment's MCP resource indicators, which it asks
 * the WorkOS API (the emulator) for in the background at start-up.
 */

const INDICATORS = "/user_management/authkit_oauth_resources";
const silent = { info() {}, warn() {}, error() {} };

const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop()));
});

/** An emulator whose environment lists `resources` as its MCP resource indicators (its seed lists this one). */
async function emulatorWith(resources: string[]): Promise<RunningEmulator> {
  const emulator = await startEmulator({ port: 0, autoLogin: "alice@acme.test", logger: silent, resources });
  running.push(emulator);
  return emulator;
}

async function appFor(emulator: RunningEmulator, apiURL: string, overrides: Parameters<typeof baseConfig>[1] = {}): Promise<TestApp> {
  const app = await startApp(
    baseConfig(emulator.url, { apiKey: emulator.apiKey, clientId: emulator.clientId, apiURL, strictAudience: undefined, ...overrides }),
    (req, res) => res.json({ userId: req.auth?.extra?.userId }),
  );
  running.push(app);
  return app;
}

const send = async (app: TestApp, token: string) => (await rawRequest(`${app.url}/mcp`, [["authorization", `Bearer ${token}`]])).status;

describe("when this server's resource is not an MCP resource indicator", () => {
  it("accepts tokens whose aud is the client id and logs that once, without the token", async () => {
    const emulator = await emulatorWith(["https://other.example/mcp"]);
    const { lines, logger } = recordingLogger();
    const app = await appFor(emulator, emulator.url, { logger });
    await vi.waitFor(() => expect(lines.some((line) => line.message.includes("is not an MCP resource indicator"))).toBe(true));

    expect(lines.filter((line) => line.level === "warn")).toEqual([]);
    // AuthKit binds only configured resources: naming this one still yields aud = the client id.
    const unbound = [await signInThroughEmulator(emulator), await signInThroughEmulator(emulator, RESOURCE)];
    for (const token of unbound) expect(await send(app, token)).toBe(200);
    const warnings = lines.filter((line) => line.level === "warn");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/aud is the environment client id.*strictAudience: true/);
    expect(warnings[0]!.meta).toEqual({ resource: RESOURCE });
    const logged = JSON.stringify(lines);
    for (const token of unbound) {
      for (const segment of token.split(".")) expect(logged).not.toContain(segment);
    }
  });

  it("stays quiet about them when strictAudience: false was chosen, and does not ask the API", async () => {
    const emulator = await emulatorWith([RESOURCE]);
    const proxy = await FaultProxy.start(emulator.url);
    running.push(proxy);
    const { lines, logger } = recordingLogger();
    const app = await appFor(emulator, proxy.url, { logger, strictAudience: false });
    expect(await send(app, await signInThroughEmulator(emulator))).toBe(200);
    expect(proxy.count(INDICATORS)).toBe(0);
    expect(lines.filter((line) => line.level === "warn")).toEqual([]);
  });
});

describe("when this server's resource is an MCP resource indicator", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, autoLogin: "alice@acme.test", logger: silent, resources: ["https://other.example/mcp", RESOURCE] });
  });
  afterAll(() => emulator.stop());

  it("answers requests while the lookup is pending, then refuses client-id tokens, cached ones included", async () => {
    const proxy = await FaultProxy.start(emulator.url);
    running.push(proxy);
    proxy.faultPaths = /authkit_oauth_resources/;
    let release!: () => void;
    proxy.hold = new Promise<void>((resolve) => (release = resolve));
    const { lines, logger } = recordingLogger();
    const app = await appFor(emulator, proxy.url, { logger });

    await vi.waitFor(() => expect(proxy.count(INDICATORS)).toBe(1));
    const unbound = await signInThroughEmulator(emulator);
    // The lookup has not been answered: the default stands, and the request did not wait for it.
    expect(await send(app, unbound)).toBe(200);

    release();
    await vi.waitFor(() => expect(lines.some((line) => line.level === "info" && line.message.includes("is an MCP resource indicator"))).toBe(true));
    expect(await send(app, unbound)).toBe(401);
    expect(await send(app, await signInThroughEmulator(emulator))).toBe(401);
    expect(await send(app, await signInThroughEmulator(emulator, RESOURCE))).toBe(200);
    // The one client-id token accepted before the answer was logged, and nothing after it.
    expect(lines.filter((line) => line.level === "warn")).toHaveLength(1);
  });

  it("keeps accepting them when strictAudience: false says so", async () => {
    const app = await appFor(emulator, emulator.url, { strictAudience: false });
    expect(await send(app, await signInThroughEmulator(emulator))).toBe(200);
  });

  it("keeps the default when the lookup fails: never fatal, never a refusal", async () => {
    const proxy = await FaultProxy.start(emulator.url);
    running.push(proxy);
    proxy.faultPaths = /authkit_oauth_resources/;
    proxy.mode = "error";
    const app = await appFor(emulator, proxy.url);
    await vi.waitFor(() => expect(proxy.count(INDICATORS)).toBeGreaterThan(0));
    expect(await send(app, await signInThroughEmulator(emulator))).toBe(200);
    expect(await send(app, await signInThroughEmulator(emulator, RESOURCE))).toBe(200);
  });
});
