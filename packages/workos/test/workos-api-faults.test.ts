import { describe, expect, it, vi } from "vitest";
import type { RequestHandler } from "express";
import { getUser, WorkOSApiError, type WorkOSConfig } from "../src/index.js";
import { useWorkOSApiBehindProxy } from "./helpers/workos-api-fixture.js";

// Seed users of the emulator (packages/authkit-emulator/seed/default-seed.json).
const ALICE = "user_01ALICE00000000000000000";
const BOB = "user_01BOB0000000000000000000";
const DANA = "user_01DANA000000000000000000";
const CAROL = "user_01CAROL00000000000000000";
const userPath = (id: string) => `/user_management/users/${id}`;

/** The tool: calls getUser() and reports either the user or the error it got, as a tool would. */
const tool: RequestHandler = async (_req, res) => {
  try {
    const user = await getUser();
    res.json({ ok: true, id: user.id, email: user.email });
  } catch (error) {
    if (!(error instanceof WorkOSApiError)) return void res.json({ ok: false, unexpected: String(error) });
    res.json({ ok: false, name: error.name, code: error.code, status: error.status ?? null, message: error.message });
  }
};

const api = useWorkOSApiBehindProxy(tool);

/** A fresh provider (so a fresh getUser cache) whose WorkOS SDK goes through the api.proxy. */
async function setup(overrides: Partial<WorkOSConfig> = {}) {
  const app = await api.start(overrides);
  const tokens = new Map<string, string>();
  return async (userId: string) => {
    if (!tokens.has(userId)) tokens.set(userId, await api.issuer.token({ sub: userId }));
    const res = await fetch(`${app.url}/mcp`, { method: "POST", headers: { authorization: `Bearer ${tokens.get(userId)}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  };
}

const aliceOk = { ok: true, id: ALICE, email: "alice@acme.test" };

describe("getUser() when the WorkOS API fails", () => {
  it.each([
    ["500 (outage)", "error", 500, "the WorkOS API is unavailable; try again shortly"],
    ["502 with an HTML page (a gateway in front of the API)", "bad-gateway", 502, "the WorkOS API is unavailable; try again shortly"],
  ] as const)("gives the tool a clear WorkOSApiError on %s, retries once, and does not cache the failure", async (_label, mode, status, hint) => {
    const call = await setup();
    api.proxy.mode = mode;
    expect(await call(ALICE)).toEqual({
      ok: false,
      name: "WorkOSApiError",
      code: "workos_api_error",
      status,
      message: `[WorkOS] Could not load the signed-in user: ${hint}`,
    });
    // apiMaxRetries defaults to 1: the first attempt and one retry, no storm.
    expect(api.proxy.count(userPath(ALICE))).toBe(2);

    api.proxy.mode = "forward";
    expect(await call(ALICE)).toEqual(aliceOk);
    expect(api.proxy.count(userPath(ALICE))).toBe(3);
  });

  it("reports an unreachable API (connection dropped) without a status", async () => {
    const call = await setup();
    api.proxy.mode = "reset";
    expect(await call(ALICE)).toEqual({
      ok: false,
      name: "WorkOSApiError",
      code: "workos_api_error",
      status: null,
      message: "[WorkOS] Could not load the signed-in user: the WorkOS API could not be reached",
    });
    expect(api.proxy.count(userPath(ALICE))).toBe(2);
    api.proxy.mode = "forward";
    expect(await call(ALICE)).toEqual(aliceOk);
  });

  it("makes no retry when apiMaxRetries is 0", async () => {
    const call = await setup({ apiMaxRetries: 0 });
    api.proxy.mode = "error";
    expect((await call(ALICE)).status).toBe(500);
    expect(api.proxy.count(userPath(ALICE))).toBe(1);
  });

  it("shares one failing request (and its one retry) among 20 concurrent calls for one user", async () => {
    const call = await setup();
    api.proxy.mode = "error";
    api.proxy.delayMs = 150; // keeps the first request in flight while the other 19 arrive
    const results = await Promise.all(Array.from({ length: 20 }, () => call(ALICE)));
    expect(results.every((r) => r.ok === false && r.status === 500)).toBe(true);
    expect(api.proxy.count(userPath(ALICE))).toBeLessThanOrEqual(2);

    api.proxy.mode = "forward";
    api.proxy.delayMs = 0;
    expect(await call(ALICE)).toEqual(aliceOk);
  });

  it("keeps serving authentication while the API is down: the failure stays inside the tool", async () => {
    const call = await setup();
    api.proxy.mode = "error";
    api.proxy.delayMs = 0;
    const results = await Promise.all([ALICE, BOB, DANA].map((id) => call(id)));
    expect(results.map((r) => r.status)).toEqual([500, 500, 500]);
    api.proxy.mode = "forward";
    expect((await Promise.all([ALICE, BOB, DANA].map((id) => call(id)))).map((r) => r.id)).toEqual([ALICE, BOB, DANA]);
  });
});

describe("getUser() caching", () => {
  it("asks the API once per user within the TTL and again after it", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const call = await setup(); // default TTL: 60 s
    expect(await call(ALICE)).toEqual(aliceOk);
    expect(await call(ALICE)).toEqual(aliceOk);
    expect(api.proxy.count(userPath(ALICE))).toBe(1);

    vi.setSystemTime(Date.now() + 59_000);
    expect(await call(ALICE)).toEqual(aliceOk);
    expect(api.proxy.count(userPath(ALICE))).toBe(1);

    vi.setSystemTime(Date.now() + 2_000); // 61 s after the first fetch
    expect(await call(ALICE)).toEqual(aliceOk);
    expect(api.proxy.count(userPath(ALICE))).toBe(2);
  });

  it("coalesces 20 concurrent calls for one user into one request", async () => {
    const call = await setup();
    api.proxy.delayMs = 100;
    const results = await Promise.all(Array.from({ length: 20 }, () => call(ALICE)));
    expect(results).toEqual(Array.from({ length: 20 }, () => aliceOk));
    expect(api.proxy.count(userPath(ALICE))).toBe(1);
  });

  it("coalesces per user: 4 users × 5 concurrent calls → 4 requests, each user gets their own record", async () => {
    const call = await setup();
    api.proxy.delayMs = 100;
    const users = [ALICE, BOB, DANA, CAROL];
    const order = users.flatMap((u) => Array.from({ length: 5 }, () => u)).sort(() => Math.random() - 0.5);
    const results = await Promise.all(order.map((u) => call(u)));
    expect(results.map((r) => r.id)).toEqual(order);
    expect(api.proxy.count()).toBe(4);
    for (const u of users) expect(api.proxy.count(userPath(u))).toBe(1);
  });

  it("asks every time when the TTL is 0, but still coalesces concurrent calls", async () => {
    const call = await setup({ cache: { users: { ttlSeconds: 0 } } });
    await call(ALICE);
    await call(ALICE);
    expect(api.proxy.count(userPath(ALICE))).toBe(2);
    api.proxy.delayMs = 100;
    await Promise.all(Array.from({ length: 10 }, () => call(ALICE)));
    expect(api.proxy.count(userPath(ALICE))).toBe(3);
  });
});
