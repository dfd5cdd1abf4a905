import { afterEach, describe, expect, it } from "vitest";
import { baseConfig, RESOURCE, startApp, startupFetchSettled, type TestApp } from "./helpers/app.js";
import { TestIssuer } from "./helpers/issuer.js";

const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop()));
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

const call = (app: TestApp, token: string) => fetch(`${app.url}/mcp`, { method: "POST", headers: { authorization: `Bearer ${token}` } });

describe("cold start", () => {
  it("fetches the key set and AuthKit's metadata when the provider is created, so the first authenticated request makes no JWKS request", async () => {
    const issuer = await TestIssuer.start();
    const app = await startApp(baseConfig(issuer.url));
    running.push(app, issuer);

    // No request has reached the app yet: these fetches are the provider's own, made at creation.
    await until(() => issuer.jwksFetches === 1 && issuer.metadataFetches === 1);
    // From here on a JWKS request would fail: the first request must not need one.
    issuer.jwksMode = "down";
    const token = await issuer.token({ aud: RESOURCE });
    const res = await call(app, token);
    expect(res.status).toBe(200);
    expect((await res.json()).session.userId).toBe("user_01TEST");
    expect(issuer.jwksFetches).toBe(1);
    expect(app.provider.stats().jwks).toEqual({ fetches: 1, failures: 0, keys: 1 });

    const metadata = await fetch(`${app.url}/.well-known/oauth-authorization-server`);
    expect((await metadata.json()).marker).toBe("from-issuer");
    expect(issuer.metadataFetches).toBe(1);
  });

  it("logs a failed start-up fetch, keeps running, and fetches again on the first request", async () => {
    const issuer = await TestIssuer.start();
    issuer.jwksMode = "down";
    issuer.metadataMode = "down";
    const warnings: { message: string; meta?: Record<string, unknown> }[] = [];
    const logger = { debug() {}, info() {}, error() {}, warn: (message: string, meta?: Record<string, unknown>) => void warnings.push({ message, meta }) };
    const app = await startApp(baseConfig(issuer.url, { logger }));
    running.push(app, issuer);
    await startupFetchSettled(app);
    await until(() => issuer.metadataFetches === 1 && warnings.length === 2);

    expect(warnings.map((w) => w.message).sort()).toEqual([
      "[WorkOS] AuthKit metadata unreachable and never fetched; serving a static fallback",
      "[WorkOS] AuthKit's signing keys could not be fetched at start-up; the first request will try again",
    ]);
    expect(JSON.stringify(warnings)).not.toContain("sk_test_123");

    issuer.jwksMode = "up";
    issuer.metadataMode = "up";
    expect((await call(app, await issuer.token({ aud: RESOURCE }))).status).toBe(200);
    expect(issuer.jwksFetches).toBe(2);
    const metadata = await fetch(`${app.url}/.well-known/oauth-authorization-server`);
    expect((await metadata.json()).marker).toBe("from-issuer");
    expect(issuer.metadataFetches).toBe(2);
  });
});
