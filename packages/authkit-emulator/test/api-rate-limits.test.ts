import { RateLimitExceededException } from "@workos-inc/node";
import { afterEach, describe, expect, it } from "vitest";
import { DOCUMENTED_RATE_LIMITS, EmulatorStartupError, startEmulator, type EmulatorOptions, type RunningEmulator } from "../src/index.js";
import { parseCliArgs } from "../src/cli/parse-cli-args.js";
import { SEED, workosFor } from "./sdk-client.js";

const running: RunningEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.stop()));
});

/** An emulator whose clock stands still at `clock.now` (seconds) until the test moves it. */
async function start(options: EmulatorOptions = {}) {
  const emulator = await startEmulator({ port: 0, ...options });
  running.push(emulator);
  const clock = { now: 1_900_000_000 };
  emulator.context.now = () => clock.now;
  const send = (path: string, method = "GET") =>
    fetch(`${emulator.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${emulator.apiKey}`, "content-type": "application/json" },
      ...(method === "GET" ? {} : { body: "{}" }),
    });
  /** `count` requests, 50 at a time; resolves to their statuses in order. */
  const many = async (count: number, path: string, method = "GET") => {
    const statuses: number[] = [];
    for (let sent = 0; sent < count; sent += 50) {
      const batch = Array.from({ length: Math.min(50, count - sent) }, () => send(path, method));
      for (const res of await Promise.all(batch)) {
        statuses.push(res.status);
        await res.body?.cancel();
      }
    }
    return statuses;
  };
  return { emulator, clock, send, many };
}

const userPath = `/user_management/users/${SEED.alice}`;

describe("WorkOS's documented rate limits (on by default)", () => {
  it("admits 1,000 /user_management reads in 10 s, answers the next one 429 with Retry-After and WorkOS's body, and admits again when the window has passed", async () => {
    const { emulator, clock, send, many } = await start();
    expect(new Set(await many(1_000, userPath))).toEqual(new Set([200]));

    const refused = await send(userPath);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("10");
    expect(refused.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(await refused.json()).toEqual({ code: "rate_limit_exceeded", message: "Too many requests." });

    // The SDK reads the same answer as its RateLimitExceededException, Retry-After included.
    const error = await workosFor(emulator).userManagement.getUser(SEED.alice).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitExceededException);
    expect(error).toMatchObject({ status: 429, retryAfter: 10, message: "Too many requests." });

    clock.now += 4;
    expect((await send(userPath)).headers.get("retry-after")).toBe("6");
    clock.now += 6;
    expect((await send(userPath)).status).toBe(200);
  });

  it("are the numbers of WorkOS's API reference", () => {
    expect(DOCUMENTED_RATE_LIMITS).toEqual({
      all: { requests: 6_000, windowSeconds: 60 },
      userManagementReads: { requests: 1_000, windowSeconds: 10 },
      userManagementWrites: { requests: 500, windowSeconds: 10 },
    });
  });
});

describe("configured limits", () => {
  const small = { all: { requests: 30, windowSeconds: 60 }, userManagementReads: { requests: 10, windowSeconds: 10 }, userManagementWrites: { requests: 5, windowSeconds: 10 } };

  it("counts /user_management writes apart from reads, and a throttled read leaves writes alone", async () => {
    const { many } = await start({ rateLimits: small });
    expect(await many(11, userPath)).toEqual([...Array(10).fill(200), 429]);
    expect(await many(6, userPath, "PUT")).toEqual([...Array(5).fill(200), 429]);
  });

  it("leaves routes outside /user_management to the overall limit only", async () => {
    const { send, many } = await start({ rateLimits: small });
    await many(10, userPath);
    expect((await send(userPath)).status).toBe(429);
    expect((await send(`/organizations/${SEED.acme}`)).status).toBe(200);
    expect((await send(`/authorization/organizations/${SEED.acme}/roles`)).status).toBe(200);
  });

  it("holds the overall limit per client address across the whole API", async () => {
    const { clock, send, many } = await start({ rateLimits: small });
    // Spread over three 10 s steps so the /user_management read limit never binds.
    for (let step = 0; step < 3; step++) {
      expect(new Set(await many(10, step % 2 ? userPath : "/organizations"))).toEqual(new Set([200]));
      clock.now += 9;
    }
    const refused = await send("/organizations");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("33"); // the first 10 were 27 s ago
  });

  it("slides the window: a slot frees exactly when the oldest admitted request leaves it", async () => {
    const { clock, send } = await start({ rateLimits: { all: { requests: 3, windowSeconds: 10 } } });
    for (const at of [0, 1, 2]) {
      clock.now = 1_900_000_000 + at;
      expect((await send("/organizations")).status).toBe(200);
    }
    clock.now = 1_900_000_005;
    const refused = await send("/organizations");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("5");
    clock.now = 1_900_000_010; // the request at 0 has left the window; the one at 1 has not
    expect((await send("/organizations")).status).toBe(200);
    expect((await send("/organizations")).headers.get("retry-after")).toBe("1");
  });

  it("does not count refused requests: hammering a throttled API does not push recovery further away", async () => {
    const { clock, send, many } = await start({ rateLimits: { userManagementReads: { requests: 2, windowSeconds: 10 } } });
    expect(await many(2, userPath)).toEqual([200, 200]);
    expect(new Set(await many(200, userPath))).toEqual(new Set([429]));
    clock.now += 10;
    expect(await many(3, userPath)).toEqual([200, 200, 429]);
  });

  it("applies only to the WorkOS REST API: the OAuth surface and the admin API are not throttled", async () => {
    const { emulator, send } = await start({ rateLimits: { all: { requests: 1, windowSeconds: 60 } } });
    expect((await send("/organizations")).status).toBe(200);
    expect((await send("/organizations")).status).toBe(429);
    for (let i = 0; i < 3; i++) {
      expect((await fetch(`${emulator.url}/.well-known/oauth-authorization-server`)).status).toBe(200);
      expect((await fetch(`${emulator.url}/oauth2/jwks`)).status).toBe(200);
    }
  });

  it("switches every limit off with rateLimits: false", async () => {
    const { many } = await start({ rateLimits: false });
    expect(new Set(await many(1_100, userPath))).toEqual(new Set([200]));
  });

  it("switches one limit off and keeps the others", async () => {
    const { many } = await start({ rateLimits: { all: false, userManagementReads: { requests: 3, windowSeconds: 10 } } });
    expect(new Set(await many(100, "/organizations"))).toEqual(new Set([200]));
    expect(await many(4, userPath)).toEqual([200, 200, 200, 429]);
  });

  it.each([
    [{ rateLimits: { reads: { requests: 1, windowSeconds: 1 } } }, /rateLimits: unknown limit reads/],
    [{ rateLimits: { all: { requests: 0, windowSeconds: 60 } } }, /rateLimits\.all must be false or/],
    [{ rateLimits: { all: { requests: 10, windowSeconds: -1 } } }, /rateLimits\.all must be false or/],
    [{ rateLimits: { userManagementWrites: { requests: 1.5, windowSeconds: 10 } } }, /rateLimits\.userManagementWrites/],
    [{ rateLimits: "off" }, /rateLimits must be false, true or an object/],
  ])("refuses %j at start-up", async (options, message) => {
    const error = await startEmulator({ port: 0, ...(options as EmulatorOptions) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmulatorStartupError);
    expect(error).toMatchObject({ code: "ERR_EMULATOR_OPTION_INVALID", message: expect.stringMatching(message) });
  });
});

describe("--rate-limits", () => {
  it("takes on or off", () => {
    expect(parseCliArgs(["--rate-limits", "off"])).toEqual({ kind: "start", options: { rateLimits: false } });
    expect(parseCliArgs(["--rate-limits", "on"])).toEqual({ kind: "start", options: { rateLimits: true } });
    expect(parseCliArgs([])).toEqual({ kind: "start", options: {} });
  });

  it("refuses anything else with a usage error", () => {
    expect(() => parseCliArgs(["--rate-limits", "no"])).toThrow(/--rate-limits must be on or off \(got "no"\)/);
  });
});
