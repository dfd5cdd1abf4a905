/**
 * The fleet simulation of `npm run bench` (alone: `npm run bench -- --only fleet`): N instances
 * of the provider, each with its own per-process caches as separate processes would have,
 * serve U users against the emulator with WorkOS's documented rate limits on, with and without
 * one shared Redis (`cache.store`). Every user calls every instance once, one call after the
 * other, 30 users at a time, and the emulator's clock is held still, so the whole burst falls in
 * one 10 s window of the limits however long this machine takes to send it (a loaded 2-core
 * machine would otherwise spread it over minutes and measure itself, not the fleet).
 * Writes `results/fleet.{md,svg,json}`.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { startEmulator } from "../packages/authkit-emulator/dist/index.js";
import { callEveryInstance, createFleetUsers, startFleet, type FleetAnswer } from "../packages/workos/test/helpers/fleet.js";
import { TestIssuer } from "../packages/workos/test/helpers/issuer.js";
import { RedisServer } from "../packages/workos/test/helpers/redis-server.js";
import { renderFleetChart, renderFleetMarkdown, type FleetBench, type FleetRun } from "./fleet-report.js";
import { describeMachine } from "./machine.js";

const SHAPES = [
  { instances: 5, users: 300 },
  { instances: 10, users: 300 },
  { instances: 20, users: 300 },
] as const;
const USERS_AT_ONCE = 30;
const TTL_SECONDS = 60;
const workload = { usersAtOnce: USERS_AT_ONCE, ttlSeconds: TTL_SECONDS };

export async function runFleetBench(options: { resultsDir: string; log(message: string): void }): Promise<FleetBench> {
  const startedAt = new Date().toISOString();
  const issuer = await TestIssuer.start();
  const redis = await RedisServer.start();
  const runs: FleetRun[] = [];
  try {
    for (const shape of SHAPES) {
      for (const sharedStore of [false, true]) {
        await redis.client.flushall();
        const run = await runOnce(issuer, sharedStore ? redis : undefined, shape);
        options.log(
          `fleet ${shape.instances} × ${shape.users}, ${sharedStore ? "shared Redis" : "per-process only"}: ` +
            `${run.apiReads} API reads (${run.apiReadsPerMinute}/min), ${run.throttled} × 429, ${run.refused} refused, p99 getUser() ${run.getUserP99Ms} ms`,
        );
        runs.push(run);
      }
    }
  } finally {
    await redis.stop();
    await issuer.stop();
  }
  const bench: FleetBench = { startedAt, machine: describeMachine(), workload, runs };
  writeFileSync(path.join(options.resultsDir, "fleet.json"), `${JSON.stringify(bench, null, 2)}\n`);
  writeFileSync(path.join(options.resultsDir, "fleet.md"), renderFleetMarkdown(bench));
  writeFileSync(path.join(options.resultsDir, "fleet.svg"), renderFleetChart(bench));
  options.log("written bench/results/fleet.{md,svg,json}");
  return bench;
}

async function runOnce(issuer: TestIssuer, redis: RedisServer | undefined, shape: { instances: number; users: number }): Promise<FleetRun> {
  // WorkOS's limits as the emulator applies them by default, the burst held in one window.
  const emulator = await startEmulator({ port: 0 });
  const now = emulator.context.now();
  emulator.context.now = () => now;
  const users = await createFleetUsers(emulator, issuer, shape.users, "bench");
  const fleet = await startFleet({
    instances: shape.instances,
    issuer,
    workos: { apiKey: emulator.apiKey, url: emulator.url },
    ...(redis ? { redis } : {}),
    cache: { users: { ttlSeconds: TTL_SECONDS } },
  });
  const answers: FleetAnswer[] = [];
  const started = performance.now();
  try {
    await callEveryInstance(fleet, users, USERS_AT_ONCE, (_user, answer) => answers.push(answer));
  } finally {
    await fleet.stop();
    await emulator.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  const stats = fleet.stats();
  const reads = stats.map((s) => s.workosApi["userManagement.getUser"] ?? { calls: 0, failures: 0 });
  const apiReads = reads.reduce((total, r) => total + r.calls, 0);
  const latencies = answers.map((a) => a.getUserMs).sort((a, b) => a - b);
  return {
    ...shape,
    sharedStore: redis !== undefined,
    toolCalls: answers.length,
    seconds: round(seconds, 1),
    apiReads,
    apiReadsPerMinute: apiReads * 6,
    throttled: reads.reduce((total, r) => total + r.failures, 0),
    refused: answers.filter((a) => !a.ok).length,
    servedStale: stats.reduce((total, s) => total + s.rateLimited.servedStale, 0),
    getUserP50Ms: round(quantile(latencies, 0.5), 2),
    getUserP99Ms: round(quantile(latencies, 0.99), 2),
  };
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}
