import { afterEach, describe, expect, it, vi } from "vitest";
import type { RequestHandler } from "express";
import { startEmulator } from "@xmcp-dev/authkit-emulator";
import { getAccess, getUser, WorkOSApiError, type WorkOSConfig } from "../src/index.js";
import { baseConfig, startApp, type TestApp } from "./helpers/app.js";
import { useWorkOSApiBehindProxy } from "./helpers/workos-api-fixture.js";

// Seed users of the emulator (packages/authkit-emulator/seed/default-seed.json).
const ALICE = "user_01ALICE00000000000000000";
const BOB = "user_01BOB0000000000000000000";
const ACME = "org_01ACME000000000000000000";
const userPath = (id: string) => `/user_management/users/${id}`;

/** Calls getUser() (or hasPermission() with ?permission=) and reports what the tool got. */
const tool: RequestHandler = async (req, res) => {
  try {
    if (typeof req.query.permission === "string") return void res.json({ ok: true, allowed: (await getAccess()).hasPermission(req.query.permission) });
    const user = await getUser();
    res.json({ ok: true, id: user.id });
  } catch (error) {
    if (!(error instanceof WorkOSApiError)) return void res.json({ ok: false, unexpected: String(error) });
    res.json({ ok: false, code: error.code, status: error.status ?? null, retryAfterSeconds: error.retryAfterSeconds ?? null, message: error.message });
  }
};

const api = useWorkOSApiBehindProxy(tool);
const apps: TestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
});

async function setup(overrides: Partial<WorkOSConfig> = {}) {
  const app = await api.start(overrides);
  const call = async (userId: string, query = "") => {
    const token = await api.issuer.token({ sub: userId, org_id: ACME });
    const res = await fetch(`${app.url}/mcp${query}`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  };
  return { call, stats: () => app.provider.stats() };
}

const later = (seconds: number) => vi.setSystemTime(Date.now() + seconds * 1000);

describe("a 429 from the WorkOS API", () => {
  it("with nothing held: one request, no retry, and a rate_limited error that says when to try again", async () => {
    const { call, stats } = await setup();
    api.proxy.mode = "rate-limit";
    api.proxy.retryAfter = "7";
    expect(await call(ALICE)).toEqual({
      ok: false,
      code: "rate_limited",
      status: 429,
      retryAfterSeconds: 7,
      message: "[WorkOS] Could not load the signed-in user: rate limited by the WorkOS API; try again in 7 s",
    });
    expect(api.proxy.count(userPath(ALICE))).toBe(1);
    expect(stats().rateLimited).toEqual({ servedStale: 0, refused: 1 });
    expect(stats().workosApi["userManagement.getUser"]).toEqual({ calls: 1, failures: 1 });
  });

  it("honours Retry-After: no request for any user until it has passed, then asks again", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { call } = await setup();
    api.proxy.mode = "rate-limit";
    api.proxy.retryAfter = "30";
    expect(await call(ALICE)).toMatchObject({ code: "rate_limited", retryAfterSeconds: 30 });

    api.proxy.mode = "forward";
    later(20);
    expect(await call(BOB)).toMatchObject({ code: "rate_limited", retryAfterSeconds: 10 });
    expect(await call(ALICE)).toMatchObject({ code: "rate_limited", retryAfterSeconds: 10 });
    expect(api.proxy.count()).toBe(1);

    later(10);
    expect(await call(BOB)).toEqual({ ok: true, id: BOB });
    expect(api.proxy.count(userPath(BOB))).toBe(1);
  });

  it("takes Retry-After as an HTTP-date too (RFC 9110 §10.2.3)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { call } = await setup();
    api.proxy.mode = "rate-limit";
    api.proxy.retryAfter = new Date(Date.now() + 12_000).toUTCString();
    expect(await call(ALICE)).toMatchObject({ code: "rate_limited", retryAfterSeconds: expect.any(Number) });
    const { retryAfterSeconds } = (await call(ALICE)) as { retryAfterSeconds: number };
    expect(retryAfterSeconds).toBeGreaterThanOrEqual(11);
    expect(retryAfterSeconds).toBeLessThanOrEqual(12);
    expect(api.proxy.count()).toBe(1);
  });

  it("serves the last known user while throttled, without asking again before Retry-After", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { call, stats } = await setup(); // users: TTL 60 s; stale while rate limited: 300 s
    expect(await call(ALICE)).toEqual({ ok: true, id: ALICE });

    later(61);
    api.proxy.mode = "rate-limit";
    api.proxy.retryAfter = "10";
    expect(await call(ALICE)).toEqual({ ok: true, id: ALICE });
    expect(await call(ALICE)).toEqual({ ok: true, id: ALICE });
    expect(api.proxy.count(userPath(ALICE))).toBe(2); // the first fetch, and the one 429
    expect(stats().rateLimited).toEqual({ servedStale: 1, refused: 0 });

    // A user never fetched has nothing to serve.
    expect(await call(BOB)).toMatchObject({ code: "rate_limited" });

    later(10);
    api.proxy.mode = "forward";
    expect(await call(ALICE)).toEqual({ ok: true, id: ALICE });
    expect(api.proxy.count(userPath(ALICE))).toBe(3);
  });

  it("serves it for a bounded time only: staleIfRateLimitedSeconds past the TTL", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { call } = await setup({ cache: { users: { ttlSeconds: 60 }, staleIfRateLimitedSeconds: 120 } });
    expect(await call(ALICE)).toEqual({ ok: true, id: ALICE });
    api.proxy.mode = "rate-limit";
    api.proxy.retryAfter = "10";

    later(60 + 119);
    expect(await call(ALICE)).toEqual({ ok: true, id: ALICE });
    later(2);
    expect(await call(ALICE)).toMatchObject({ code: "rate_limited" });
  });

  it("serves nothing stale with staleIfRateLimitedSeconds: 0", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { call } = await setup({ cache: { staleIfRateLimitedSeconds: 0 } });
    expect(await call(ALICE)).toEqual({ ok: true, id: ALICE });
    later(61);
    api.proxy.mode = "rate-limit";
    expect(await call(ALICE)).toMatchObject({ code: "rate_limited" });
  });

  it("serves held memberships and role permissions to the access helpers too", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { call } = await setup();
    expect(await call(ALICE, "?permission=reports:read")).toEqual({ ok: true, allowed: true });
    later(61);
    api.proxy.mode = "rate-limit";
    api.proxy.retryAfter = "10";
    expect(await call(ALICE, "?permission=reports:read")).toEqual({ ok: true, allowed: true });
    expect(await call(BOB, "?permission=reports:read")).toMatchObject({
      code: "rate_limited",
      message: expect.stringContaining("Could not look up the caller's organization membership"),
    });
  });

  it("leaves getClient() to the SDK's own behaviour: the gate is only in front of the caches", async () => {
    const { call } = await setup();
    api.proxy.mode = "rate-limit";
    api.proxy.retryAfter = "30";
    expect(await call(ALICE)).toMatchObject({ code: "rate_limited" });
    // Only the provider's lookups wait; a tool's own SDK calls are its business.
    api.proxy.mode = "forward";
    const { WorkOS } = await import("@workos-inc/node");
    const { getClient } = await import("../src/index.js");
    expect(getClient()).toBeInstanceOf(WorkOS);
    expect((await getClient().userManagement.getUser(BOB)).id).toBe(BOB);
  });
});

describe("against the emulator's own rate limits", () => {
  it("reads its Retry-After and refuses with it when nothing is held", async () => {
    const limited = await startEmulator({ port: 0, rateLimits: { userManagementReads: { requests: 2, windowSeconds: 10 } } });
    try {
      const now = limited.context.now();
      limited.context.now = () => now; // one window for the whole test
      const app = await startApp(baseConfig(api.issuer.url, { apiKey: limited.apiKey, apiURL: limited.url }), tool);
      apps.push(app);
      const call = async (userId: string) => {
        const res = await fetch(`${app.url}/mcp`, { method: "POST", headers: { authorization: `Bearer ${await api.issuer.token({ sub: userId })}` } });
        return (await res.json()) as Record<string, unknown>;
      };
      expect(await call(ALICE)).toEqual({ ok: true, id: ALICE });
      expect(await call(BOB)).toEqual({ ok: true, id: BOB });
      expect(await call("user_01CAROL00000000000000000")).toMatchObject({ code: "rate_limited", status: 429, retryAfterSeconds: 10 });
      expect(await call(ALICE)).toEqual({ ok: true, id: ALICE }); // still fresh in process
      expect(app.provider.stats().workosApi["userManagement.getUser"]).toEqual({ calls: 3, failures: 1 });
    } finally {
      await limited.stop();
    }
  });
});
