import type { RunningEmulator } from "@xmcp-dev/authkit-emulator";
import type { RequestHandler } from "express";
import { getUser, WorkOSApiError, type ProviderStats, type WorkOSConfig } from "../../src/index.js";
import { baseConfig, startApp, type TestApp } from "./app.js";
import type { TestIssuer } from "./issuer.js";
import type { RedisServer } from "./redis-server.js";

/** What one tool call answered: the user's id or the WorkOS error code, and how long `getUser()` took. */
export type FleetAnswer = ({ ok: true; id: string } | { ok: false; code: string }) & { getUserMs: number };

/** The tool every instance serves: `getUser()`, reporting the error code a tool would see. */
const whoami: RequestHandler = async (_req, res) => {
  const started = performance.now();
  try {
    const { id } = await getUser();
    res.json({ ok: true, id, getUserMs: performance.now() - started } satisfies FleetAnswer);
  } catch (error) {
    const code = error instanceof WorkOSApiError ? error.code : String(error);
    res.json({ ok: false, code, getUserMs: performance.now() - started } satisfies FleetAnswer);
  }
};

/** `count` users created through the emulator's admin API, with a token each from `issuer`. */
export async function createFleetUsers(emulator: RunningEmulator, issuer: TestIssuer, count: number, prefix: string) {
  const users: { id: string; token: string }[] = [];
  for (let first = 0; first < count; first += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, count - first) }, async (_, i) => {
        const res = await fetch(`${emulator.url}/_emulator/users`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email: `${prefix}-${first + i}@fleet.test` }),
        });
        if (res.status !== 201) throw new Error(`creating a fleet user answered ${res.status}: ${await res.text()}`);
        const { id } = (await res.json()) as { id: string };
        return { id, token: await issuer.token({ sub: id }) };
      }),
    );
    users.push(...batch);
  }
  return users;
}

/**
 * `instances` providers, each with its own per-process caches, as separate processes of a fleet
 * would have, all pointed at one WorkOS API and, with `redis`, one shared store.
 */
export async function startFleet(options: {
  instances: number;
  issuer: TestIssuer;
  workos: { apiKey: string; url: string };
  redis?: RedisServer;
  cache?: WorkOSConfig["cache"];
}) {
  const apps: TestApp[] = [];
  for (let i = 0; i < options.instances; i++) {
    const cache = { ...options.cache, ...(options.redis ? { store: options.redis.storage() } : {}) };
    const config = baseConfig(options.issuer.url, { apiKey: options.workos.apiKey, apiURL: options.workos.url, cache });
    apps.push(await startApp(config, whoami));
  }
  return {
    apps,
    /** One call of `user` on instance `index`. */
    async call(index: number, token: string): Promise<FleetAnswer> {
      const res = await fetch(`${apps[index]!.url}/mcp`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`instance ${index} answered ${res.status}`);
      return (await res.json()) as FleetAnswer;
    },
    stats(): ProviderStats[] {
      return apps.map((app) => app.provider.stats());
    },
    stop: () => Promise.all(apps.map((app) => app.stop())),
  };
}

/**
 * Every user calls every instance once, one call after the other (an MCP client's tool calls
 * are sequential, and a load balancer spreads them over the fleet), starting at a different
 * instance per user; `concurrency` users at a time.
 */
export async function callEveryInstance(
  fleet: Awaited<ReturnType<typeof startFleet>>,
  users: { id: string; token: string }[],
  concurrency: number,
  onAnswer: (user: string, answer: FleetAnswer) => void,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < users.length) {
      const index = next++;
      const user = users[index]!;
      for (let k = 0; k < fleet.apps.length; k++) {
        onAnswer(user.id, await fleet.call((index + k) % fleet.apps.length, user.token));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
