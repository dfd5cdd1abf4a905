/** The fleet simulation's report: its figures, the markdown table and the chart. */
import { renderBarChart } from "./bar-chart.js";
import type { Machine } from "./machine.js";

export interface FleetRun {
  instances: number;
  users: number;
  sharedStore: boolean;
  toolCalls: number;
  /** Wall-clock seconds this machine took to send the burst. */
  seconds: number;
  /** `userManagement.getUser` requests sent to the WorkOS API (429s included). */
  apiReads: number;
  /** `apiReads × 6`: the burst every 10 s, against WorkOS's 6,000 requests per minute. */
  apiReadsPerMinute: number;
  /** Answered 429 by the API. */
  throttled: number;
  /** Tool calls that got `rate_limited` (nothing held to serve). */
  refused: number;
  servedStale: number;
  getUserP50Ms: number;
  getUserP99Ms: number;
}

export interface FleetBench {
  startedAt: string;
  machine: Machine;
  workload: { usersAtOnce: number; ttlSeconds: number };
  runs: FleetRun[];
}

export function renderFleetMarkdown(bench: FleetBench): string {
  const { machine } = bench;
  const lines = [
    "# Fleet simulation: WorkOS API reads with and without a shared store",
    "",
    `${bench.startedAt.slice(0, 10)}, ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}. Every user calls every`,
    `instance once (sequentially, ${bench.workload.usersAtOnce} users at a time); users TTL ${bench.workload.ttlSeconds} s. The emulator enforces WorkOS's limits`,
    "(1,000 `/user_management` reads per 10 s) with its clock held, so each burst is one 10 s window.",
    "",
    "| instances × users | store | tool calls | reads needed (per min) | API reads sent | 429s | refused (`rate_limited`) | p50 / p99 `getUser()` ms | seconds |",
    "|---|---|---:|---:|---:|---:|---:|---|---:|",
    ...bench.runs.map(
      (r) =>
        `| ${r.instances} × ${r.users} | ${r.sharedStore ? "Redis" : "per process"} | ${r.toolCalls} | ${readsNeeded(r)} (${(readsNeeded(r) * 6).toLocaleString("en-US")}) | ${r.apiReads} | ${r.throttled} | ${r.refused} | ${r.getUserP50Ms} / ${r.getUserP99Ms} | ${r.seconds} |`,
    ),
    "",
    "\"Reads needed\": the user reads the fleet asked of the API (sent and admitted, plus those each instance's gate",
    "refused without sending while `Retry-After` ran, plus any served stale); per minute if the burst came every 10 s,",
    "against WorkOS's 6,000. \"API reads sent\" includes the requests answered 429. \"seconds\": how long this machine took.",
    "",
  ];
  return lines.join("\n");
}

export function renderFleetChart(bench: FleetBench): string {
  const { machine } = bench;
  return renderBarChart({
    title: "User reads a 10 s burst needs from the WorkOS API (every user calls every instance once)",
    subtitle: `${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${bench.startedAt.slice(0, 10)}; the API admits 1,000 reads per 10 s`,
    bars: bench.runs.map((r) => ({
      label: `${r.instances} instances × ${r.users} users, ${r.sharedStore ? "shared Redis" : "per-process caches"}`,
      value: readsNeeded(r),
      text: `${readsNeeded(r)}${r.throttled ? `: ${r.throttled} × 429, ${r.refused} refused` : ", no 429"}`,
      color: r.sharedStore ? "#2e7d32" : r.throttled ? "#c62828" : "#78909c",
    })),
    markers: [{ value: 1_000, label: "1,000 reads / 10 s" }],
    // Room at the right for the longest bar's text.
    minimumMax: 2 * Math.max(...bench.runs.map(readsNeeded)),
    legend: "green: shared Redis · red: per-process caches only, throttled",
  });
}

/** What the fleet asked of the API: admitted reads, plus the look-ups refused or served stale while throttled. */
export function readsNeeded(run: FleetRun): number {
  return run.apiReads - run.throttled + run.refused + run.servedStale;
}

