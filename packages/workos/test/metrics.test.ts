import type { DataPoint } from "@opentelemetry/sdk-metrics";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseConfig, RESOURCE, startApp, type TestApp } from "./helpers/app.js";
import { TestIssuer } from "./helpers/issuer.js";
import { installInMemoryMetrics, points } from "./helpers/otel-reader.js";

const otel = installInMemoryMetrics();
const collected = () => otel.collected();
let issuer: TestIssuer;
let app: TestApp;

beforeAll(async () => {
  issuer = await TestIssuer.start();
  app = await startApp(baseConfig(issuer.url));
});
afterAll(async () => {
  await app.stop();
  await issuer.stop();
  otel.uninstall();
});

const call = (token?: string) =>
  fetch(`${app.url}/mcp`, { method: "POST", headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });

describe("metrics", () => {
  const tokens: string[] = [];

  it("counts token cache hits and misses, verifications and failures by code, in stats() and through OpenTelemetry", async () => {
    const repeated = await issuer.token({ aud: RESOURCE });
    const other = await issuer.token({ aud: RESOURCE, sub: "user_01OTHER" });
    const expired = await issuer.token({ aud: RESOURCE, exp: Math.floor(Date.now() / 1000) - 3600 });
    tokens.push(repeated, other, expired);
    for (const token of [repeated, repeated, repeated, other]) expect((await call(token)).status).toBe(200);
    expect((await call(expired)).status).toBe(401);
    expect((await call(`${repeated.slice(0, -4)}AAAA`)).status).toBe(401);
    expect((await call()).status).toBe(401);

    const stats = app.provider.stats();
    // Four distinct tokens reached verification (repeated once, other, expired, forged); two hits.
    expect(stats.tokenCache).toEqual({ hits: 2, misses: 4 });
    expect(stats.verifications).toBe(4);
    expect(stats.failures).toEqual({ token_expired: 1, invalid_token: 1, missing_token: 1 });

    const all = await collected();
    const lookups = points(all, "xmcp.workos.token_cache.lookups");
    expect(lookups.map((p) => [p.attributes["xmcp.workos.cache.result"], p.value]).sort()).toEqual([
      ["hit", 2],
      ["miss", 4],
    ]);
    expect(points(all, "xmcp.workos.token.verifications").map((p) => p.value)).toEqual([4]);
    expect(Object.fromEntries(points(all, "xmcp.workos.auth.failures").map((p) => [p.attributes["error.type"], p.value]))).toEqual(
      stats.failures,
    );
  });

  it("times JWKS fetches and reports the keys held", async () => {
    // One fetch, made when the provider was created; every token above was verified against it.
    expect(app.provider.stats().jwks).toEqual({ fetches: 1, failures: 0, keys: 1 });
    const all = await collected();
    const fetches = points<{ count: number; sum: number }>(all, "xmcp.workos.jwks.fetch.duration");
    expect(fetches).toHaveLength(1);
    expect(fetches[0]!.attributes).toEqual({});
    expect(fetches[0]!.value.count).toBe(1);
    expect(fetches[0]!.value.sum).toBeGreaterThan(0);
    expect(points(all, "xmcp.workos.jwks.keys").map((p) => p.value)).toEqual([1]);
  });

  it("gives each caller its own copy of stats()", () => {
    const first = app.provider.stats();
    first.tokenCache.hits = 1_000;
    first.failures.invalid_token = 1_000;
    expect(app.provider.stats().tokenCache.hits).not.toBe(1_000);
    expect(app.provider.stats().failures.invalid_token).not.toBe(1_000);
  });

  it("puts no token, claim or user id in any attribute", async () => {
    const attributeValues = (await collected()).flatMap((metric) =>
      (metric.dataPoints as DataPoint<unknown>[]).flatMap((p) => Object.values(p.attributes).map(String)),
    );
    expect(attributeValues.length).toBeGreaterThan(0);
    for (const value of attributeValues) {
      for (const secret of [...tokens, "user_01TEST", "user_01OTHER", "session_01TEST", "org_01TEST", "client_01MCPHOST", issuer.url]) {
        expect(value).not.toContain(secret);
      }
    }
  });
});
