import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { RequestHandler } from "express";
import { getAccess, getUser, WorkOSApiError, type Logger, type WorkOSConfig } from "../src/index.js";
import { resolveConfig } from "../src/config/resolve-config.js";
import { RedisServer } from "./helpers/redis-server.js";
import { useWorkOSApiBehindProxy } from "./helpers/workos-api-fixture.js";

// Seed of the emulator (packages/authkit-emulator/seed/default-seed.json).
const ALICE = "user_01ALICE00000000000000000";
const BOB = "user_01BOB0000000000000000000";
const ACME = "org_01ACME000000000000000000";

const tool: RequestHandler = async (req, res) => {
  try {
    if (typeof req.query.permission === "string") return void res.json({ ok: true, allowed: (await getAccess()).hasPermission(req.query.permission) });
    res.json({ ok: true, id: (await getUser()).id });
  } catch (error) {
    res.json({ ok: false, code: error instanceof WorkOSApiError ? error.code : String(error) });
  }
};

const api = useWorkOSApiBehindProxy(tool);
let redis: RedisServer;
const tokens: string[] = [];

beforeAll(async () => {
  redis = await RedisServer.start();
});
afterEach(async () => {
  await redis.client.flushall();
});
afterAll(async () => {
  await redis.stop();
});

/** One instance of the fleet: its own provider (its own per-process caches) over the shared Redis. */
async function instance(overrides: Partial<WorkOSConfig> = {}) {
  const app = await api.start({ cache: { store: redis.storage() }, ...overrides });
  const call = async (userId: string, query = "") => {
    const token = await api.issuer.token({ sub: userId, org_id: ACME });
    tokens.push(token);
    const res = await fetch(`${app.url}/mcp${query}`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
    return (await res.json()) as Record<string, unknown>;
  };
  return { call, stats: () => app.provider.stats() };
}

const later = (seconds: number) => vi.setSystemTime(Date.now() + seconds * 1000);
const userKey = (id: string) => `xmcp-workos:v1:client_01ENV:user:${id}`;

describe("cache.store: a shared Redis behind the per-process caches", () => {
  it("fetches a user once for every instance: the others read it from Redis", async () => {
    const a = await instance();
    const b = await instance();
    expect(await a.call(ALICE)).toEqual({ ok: true, id: ALICE });
    expect(await redis.client.exists(userKey(ALICE))).toBe(1); // written before the call returned
    expect(await b.call(ALICE)).toEqual({ ok: true, id: ALICE });
    expect(await b.call(ALICE)).toEqual({ ok: true, id: ALICE }); // now in b's own cache

    expect(api.proxy.count(`/user_management/users/${ALICE}`)).toBe(1);
    expect(a.stats().sharedCache).toEqual({ hits: 0, misses: 1, errors: 0 });
    expect(b.stats().sharedCache).toEqual({ hits: 1, misses: 0, errors: 0 });
    expect(b.stats().userCache).toEqual({ hits: 1, misses: 1 });
    expect(b.stats().workosApi).toEqual({});
  });

  it("writes the user with its expiry, and lets Redis drop it after the TTL plus the stale window", async () => {
    const a = await instance({ cache: { store: redis.storage(), users: { ttlSeconds: 60 }, staleIfRateLimitedSeconds: 240 } });
    const before = Date.now();
    await a.call(ALICE);
    expect(await redis.client.exists(userKey(ALICE))).toBe(1);
    const item = JSON.parse((await redis.client.get(userKey(ALICE)))!) as { value: { id: string; email: string }; expiresAt: number };
    expect(item.value).toMatchObject({ id: ALICE, email: "alice@acme.test" });
    expect(item.expiresAt).toBeGreaterThanOrEqual(before + 60_000);
    expect(item.expiresAt).toBeLessThanOrEqual(Date.now() + 60_000);
    const ttl = await redis.client.ttl(userKey(ALICE));
    expect(ttl).toBeGreaterThan(290);
    expect(ttl).toBeLessThanOrEqual(300);
  });

  it("keeps the writer's expiry on every instance: a user read from Redis is not fresh for a whole new TTL", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const a = await instance();
    const b = await instance();
    await a.call(ALICE);
    expect(await redis.client.exists(userKey(ALICE))).toBe(1);
    later(50);
    await b.call(ALICE); // from Redis, fresh for the 10 s left
    expect(api.proxy.count()).toBe(1);
    later(11);
    await b.call(ALICE);
    expect(api.proxy.count()).toBe(2);
  });

  it("never keeps an item fresher than its own TTL, whatever expiry the writer chose", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const a = await instance(); // users: TTL 60 s
    const user = { object: "user", id: ALICE, email: "alice@acme.test" };
    await redis.client.set(userKey(ALICE), JSON.stringify({ value: user, expiresAt: Date.now() + 86_400_000 }));
    expect(await a.call(ALICE)).toEqual({ ok: true, id: ALICE });
    expect(api.proxy.count()).toBe(0);
    later(61);
    await redis.client.del(userKey(ALICE));
    expect(await a.call(ALICE)).toEqual({ ok: true, id: ALICE });
    expect(api.proxy.count()).toBe(1);
  });

  it("shares memberships and role permissions the same way", async () => {
    const a = await instance();
    const b = await instance();
    expect(await a.call(ALICE, "?permission=reports:read")).toEqual({ ok: true, allowed: true });
    const apiCalls = api.proxy.count();
    expect(apiCalls).toBe(2); // the membership, then the organization's roles
    expect(await redis.client.keys("xmcp-workos:*")).toHaveLength(2);
    expect(await b.call(ALICE, "?permission=reports:read")).toEqual({ ok: true, allowed: true });
    expect(await b.call(BOB, "?permission=reports:read")).toEqual({ ok: true, allowed: false });
    expect(api.proxy.count()).toBe(apiCalls + 1); // only Bob's membership: Acme's roles came from Redis
    expect((await redis.client.keys("xmcp-workos:*")).sort()).toEqual(
      [
        "xmcp-workos:v1:client_01ENV:membership:org_01ACME000000000000000000:user_01ALICE00000000000000000",
        "xmcp-workos:v1:client_01ENV:membership:org_01ACME000000000000000000:user_01BOB0000000000000000000",
        "xmcp-workos:v1:client_01ENV:roles:org_01ACME000000000000000000",
      ].sort(),
    );
  });

  it("stores nothing token-derived: no token, no signature, no claim beyond the ids in the keys", async () => {
    const a = await instance();
    await a.call(ALICE);
    await a.call(ALICE, "?permission=reports:read");
    expect(await redis.client.keys("*")).toHaveLength(3);
    const everything = (await Promise.all((await redis.client.keys("*")).map(async (key) => `${key} ${await redis.client.get(key)}`))).join("\n");
    for (const token of tokens) {
      for (const part of token.split(".")) expect(everything).not.toContain(part);
    }
    expect(everything).not.toMatch(/"(iss|aud|exp|iat|sid|jti|scope)"/);
    expect(everything).not.toContain(api.emulator.apiKey);
  });

  it("treats an item that is not what the key names as a miss, and replaces it", async () => {
    const a = await instance();
    await redis.client.set(userKey(ALICE), JSON.stringify({ value: { object: "user", id: BOB, email: "bob@acme.test" }, expiresAt: Date.now() + 60_000 }));
    expect(await a.call(ALICE)).toEqual({ ok: true, id: ALICE });
    expect(api.proxy.count()).toBe(1);
    await redis.client.set(userKey(BOB), "not json {");
    expect(await a.call(BOB)).toEqual({ ok: true, id: BOB });
    expect(api.proxy.count()).toBe(2);
    expect(JSON.parse((await redis.client.get(userKey(ALICE)))!).value.id).toBe(ALICE);
  });

  it("serves another instance's last known user while the API answers 429", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const a = await instance();
    await a.call(ALICE);
    expect(await redis.client.exists(userKey(ALICE))).toBe(1);
    later(120); // expired everywhere, within the 300 s stale window
    api.proxy.mode = "rate-limit";
    api.proxy.retryAfter = "10";
    const b = await instance(); // holds nothing of its own
    expect(await b.call(ALICE)).toEqual({ ok: true, id: ALICE });
    expect(b.stats().rateLimited).toEqual({ servedStale: 1, refused: 0 });
    expect(await b.call(BOB)).toEqual({ ok: false, code: "rate_limited" });
  });
});

describe("a store outage", () => {
  it("degrades to the per-process cache with one warning, never a failed tool call, and says when the store is back", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const down = await RedisServer.start();
    const warnings: unknown[][] = [];
    const infos: string[] = [];
    const logger: Logger = { debug() {}, info: (m) => void infos.push(m), warn: (...args) => void warnings.push(args), error() {} };
    try {
      const a = await instance({ logger, cache: { store: down.storage(), storeTimeoutMs: 300 } });
      expect(await a.call(ALICE)).toEqual({ ok: true, id: ALICE });
      await down.kill();

      expect(await a.call(BOB)).toEqual({ ok: true, id: BOB });
      expect(await a.call(BOB)).toEqual({ ok: true, id: BOB });
      expect(await a.call(ALICE)).toEqual({ ok: true, id: ALICE });
      expect(await a.call("user_01DANA000000000000000000")).toEqual({ ok: true, id: "user_01DANA000000000000000000" });
      expect(warnings).toEqual([
        [
          "[WorkOS] Shared cache store unavailable; using the per-process cache until it answers again",
          { error: "SharedCacheTimeout", code: "timeout", retryInSeconds: 30 },
        ],
      ]);
      expect(JSON.stringify(warnings)).not.toContain(String(down.port));
      expect(a.stats().sharedCache.errors).toBe(1); // then left alone for 30 s
      expect(api.proxy.count()).toBe(3);

      await down.restart();
      later(31);
      await vi.waitFor(async () => {
        expect(await a.call("user_01CAROL00000000000000000")).toEqual({ ok: true, id: "user_01CAROL00000000000000000" });
        expect(infos).toContain("[WorkOS] Shared cache store answers again");
      }, { timeout: 10_000, interval: 200 });
      expect(warnings).toHaveLength(1);
    } finally {
      await down.stop();
    }
  });
});

describe("a store outage with a logger that throws", () => {
  it("still never fails a tool call: the warning's throw is the logger's problem, not the caller's", async () => {
    const down = await RedisServer.start();
    const explode = () => {
      throw new Error("logger down");
    };
    try {
      const a = await instance({ logger: { debug: explode, info: explode, warn: explode, error: explode }, cache: { store: down.storage(), storeTimeoutMs: 300 } });
      await down.kill();
      expect(await a.call(BOB)).toEqual({ ok: true, id: BOB });
      expect(a.stats().sharedCache.errors).toBe(1);
    } finally {
      await down.stop();
    }
  });
});

describe("cache.store option", () => {
  const valid = { apiKey: "sk_test_1", clientId: "client_1", baseURL: "http://127.0.0.1:3001", authkitDomain: "http://127.0.0.1:4455" };

  it.each([
    [{ store: {} }, "[WorkOS] cache.store must be an unstorage Storage with getItem and setItem, e.g. createStorage({ driver: redisDriver({ url }) })"],
    [{ store: "redis://127.0.0.1:6379" }, "[WorkOS] cache.store must be an unstorage Storage"],
    [{ storeTimeoutMs: 0 }, "[WorkOS] cache.storeTimeoutMs must be a number ≥ 1, got 0"],
    [{ staleIfRateLimitedSeconds: -1 }, "[WorkOS] cache.staleIfRateLimitedSeconds must be a number ≥ 0, got -1"],
    [{ stores: {} }, '[WorkOS] Unknown option "cache.stores" (did you mean "cache.store"?)'],
  ])("refuses %j at start-up", (cache, message) => {
    expect(() => resolveConfig({ ...valid, cache } as WorkOSConfig, {})).toThrow(message);
  });

  it("takes an unstorage Storage as it is, without walking its methods as option names", () => {
    const store = redis.storage();
    expect(resolveConfig({ ...valid, cache: { store } }, {}).sharedStore).toEqual({ store, timeoutMs: 500 });
  });
});
