// node --experimental-transform-types --import ./bench/ts-imports.mjs bench/experiments/nextjs-provider-loaded.ts [sets]
// after `npm run bench:processes -- --in-process --runtime nextjs` has built bench/.build/nextjs-*.
// Next.js, no token on any request: per set three fresh `next start` processes, pinned to the server
// core: the baseline build, the in-process build (the provider created at start-up, its modules and
// routes loaded, but never on a no-token request's path) and the baseline again (the control),
// loaded together as bench/processes.ts loads a set: warmed up 60 s together, then measured
// together 3 times (2 s unmeasured, 4 s measured), each compared on calls per second of its own
// CPU time (all threads). What the provider costs a Next.js process apart from the requests it guards.
import path from "node:path";
import { startEmulator } from "../../packages/authkit-emulator/dist/index.js";
import { startRuntimeServer } from "../targets.js";
import { runLoad, TokenRotation } from "../load.js";
import { pinProcesses, threadCpuMicros } from "../machine.js";
import { median } from "../report.js";

const sets = Number(process.argv[2] ?? 4);
const builds = { a: "nextjs-noAuth", b: "nextjs-inProcess", c: "nextjs-noAuth" } as const;
const emulator = await startEmulator({ port: 0, accessTokenTtl: 3600 });
const pin = pinProcesses(process.pid)!;
const none = new TokenRotation([]);
const results: Record<string, number>[] = [];
for (let set = 0; set < sets; set++) {
  const keys = Object.keys(builds) as (keyof typeof builds)[];
  const servers = {} as Record<string, Awaited<ReturnType<typeof startRuntimeServer>>>;
  for (const k of keys) {
    servers[k] = await startRuntimeServer({ runtime: "nextjs", dir: path.resolve("bench/.build", builds[k]) }, emulator.url, "http://127.0.0.1:39123");
    for (const pid of servers[k].pids) pin(pid);
  }
  const cpu: Record<string, number[]> = { a: [], b: [], c: [] };
  const load = (k: string, seconds: number) => runLoad({ mcpURL: servers[k]!.mcpURL, tool: "greet", tokens: none, connections: 20, durationSeconds: seconds });
  const cpuOf = (k: string) => servers[k]!.pids.reduce((sum, pid) => {
    const t = threadCpuMicros(pid)!;
    return sum + t.main + t.others;
  }, 0);
  try {
    await Promise.all(keys.map((k) => load(k, 60)));
    for (let round = 0; round < 3; round++) {
      await Promise.all(keys.map((k) => load(k, 2)));
      const before = keys.map(cpuOf);
      const runs = await Promise.all(keys.map((k) => load(k, 4)));
      const after = keys.map(cpuOf);
      keys.forEach((k, i) => {
        if (runs[i]!.failures) throw new Error("failures");
        cpu[k]!.push((after[i]! - before[i]!) / runs[i]!.requests);
      });
    }
  } finally {
    for (const k of keys) await servers[k]!.stop();
  }
  const m = Object.fromEntries(keys.map((k) => [k, median(cpu[k]!)]));
  results.push(m);
  console.log(`set ${set + 1}: CPU µs/call baseline ${m.a!.toFixed(0)}  provider-loaded ${m.b!.toFixed(0)}  control ${m.c!.toFixed(0)}  loaded×base ${(m.a! / m.b!).toFixed(3)}  control×base ${(m.a! / m.c!).toFixed(3)}`);
}
console.log(`median loaded×base ${median(results.map((m) => m.a! / m.b!)).toFixed(3)}  control×base ${median(results.map((m) => m.a! / m.c!)).toFixed(3)}`);
await emulator.stop();
