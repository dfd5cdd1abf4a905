import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "@xmcp-dev/authkit-emulator";
import type { ProviderStats } from "../src/index.js";
import { callEveryInstance, createFleetUsers, startFleet, type FleetAnswer } from "./helpers/fleet.js";
import { TestIssuer } from "./helpers/issuer.js";
import { RedisServer } from "./helpers/redis-server.js";

/**
 * 20 instances (each a provider with its own per-process caches, as separate processes would
 * have) serve 300 users, every user calling every instance once: 6,000 getUser() calls inside one
 * 10-second window of the emulator, which enforces WorkOS's documented limits (its defaults: on).
 * Per-process caches alone would need up to 6,000 user reads against the 1,000 per 10 s that
 * `/user_management/*` allows; with one Redis behind them the API sees 300.
 */
const INSTANCES = 20;
const USERS = 300;
const USERS_AT_ONCE = 30;
/** Longer than the run, so "one read per user per TTL" is what is measured. */
const TTL_SECONDS = 600;

let issuer: TestIssuer;
let redis: RedisServer;

beforeAll(async () => {
  issuer = await TestIssuer.start();
  redis = await RedisServer.start();
});
afterAll(async () => {
  await redis.stop();
  await issuer.stop();
});

/** An emulator with WorkOS's rate limits as they are by default, its clock held in one window. */
async function throttlingEmulator(): Promise<RunningEmulator> {
  const emulator = await startEmulator({ port: 0 });
  const now = emulator.context.now();
  emulator.context.now = () => now;
  return emulator;
}

async function runFleet(withStore: boolean) {
  const emulator = await throttlingEmulator();
  const users = await createFleetUsers(emulator, issuer, USERS, withStore ? "shared" : "local");
  const fleet = await startFleet({
    instances: INSTANCES,
    issuer,
    workos: { apiKey: emulator.apiKey, url: emulator.url },
    ...(withStore ? { redis } : {}),
    // The store's timeout is about a slow store, not this test's subject: on a loaded machine a
    // Redis round trip can pass the 500 ms default, and each such timeout would be one more API read.
    cache: { users: { ttlSeconds: TTL_SECONDS }, storeTimeoutMs: 10_000 },
  });
  const answers: { user: string; answer: FleetAnswer }[] = [];
  try {
    await callEveryInstance(fleet, users, USERS_AT_ONCE, (user, answer) => answers.push({ user, answer }));
    return { answers, stats: fleet.stats(), users };
  } finally {
    await fleet.stop();
    await emulator.stop();
  }
}

const sum = (stats: ProviderStats[], pick: (s: ProviderStats) => number) => stats.reduce((total, s) => total + pick(s), 0);
const getUserCalls = (s: ProviderStats) => s.workosApi["userManagement.getUser"] ?? { calls: 0, failures: 0 };

describe(`a fleet of ${INSTANCES} instances × ${USERS} users in one 10 s window of WorkOS's rate limits`, () => {
  it("with a shared Redis: every call answered, one API read per user, no 429", async () => {
    const { answers, stats, users } = await runFleet(true);
    expect(answers).toHaveLength(INSTANCES * USERS);
    expect(answers.filter(({ user, answer }) => !answer.ok || answer.id !== user)).toEqual([]);

    expect(sum(stats, (s) => getUserCalls(s).calls)).toBe(USERS);
    expect(sum(stats, (s) => getUserCalls(s).failures)).toBe(0);
    expect(sum(stats, (s) => s.rateLimited.refused + s.rateLimited.servedStale)).toBe(0);
    // Every instance but the first to see a user found it in Redis.
    expect(sum(stats, (s) => s.sharedCache.hits)).toBe(USERS * (INSTANCES - 1));
    expect(sum(stats, (s) => s.sharedCache.errors)).toBe(0);
    expect(await redis.client.keys("xmcp-workos:*:user:*")).toHaveLength(users.length);
  }, 180_000);

  it("without it: the same run is throttled, and the instances stop asking until Retry-After", async () => {
    const { answers, stats } = await runFleet(false);
    expect(answers).toHaveLength(INSTANCES * USERS);
    const refused = answers.filter(({ answer }) => !answer.ok);
    expect(new Set(refused.map(({ answer }) => (answer.ok ? "" : answer.code)))).toEqual(new Set(["rate_limited"]));
    expect(answers.filter(({ user, answer }) => answer.ok && answer.id !== user)).toEqual([]);

    // The emulator admitted exactly WorkOS's 1,000 reads per 10 s, and answered 429 to the rest.
    const reads = sum(stats, (s) => getUserCalls(s).calls);
    const throttled = sum(stats, (s) => getUserCalls(s).failures);
    expect(reads - throttled).toBe(1_000);
    expect(throttled).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThanOrEqual(INSTANCES * USERS - 1_000 - sum(stats, (s) => s.userCache.hits));
    expect(sum(stats, (s) => s.rateLimited.refused)).toBe(refused.length);
    // Once told to wait, an instance refuses from its gate instead of sending more requests: one
    // 429 per instance per Retry-After (10 s) of the run, against 5,000 refusals.
    expect(throttled).toBeLessThan(refused.length / 4);
  }, 180_000);
});
