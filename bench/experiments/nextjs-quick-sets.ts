/**
 * The Next.js sets of `bench:processes --control --runtime nextjs`, stripped down, to ask how
 * much of their gap the design itself makes: per set three or four fresh `next start` processes
 * (the baseline, the shipped example for one repeated token, the baseline again as the control,
 * and with `misses` the example for distinct tokens, or with `second-hits` another process of the
 * example for the repeated token, so the fourth process's own work is told apart from its mere
 * presence), loaded together on the server core and compared on calls per second of their own
 * CPU time. No rotation, no counts read between runs.
 * Run after `npm run bench:processes -- --runtime nextjs` has built bench/.build/nextjs-*.
 *
 * SETS=6 node --experimental-transform-types --import ./bench/ts-imports.mjs bench/experiments/nextjs-quick-sets.ts [misses|second-hits]
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator } from "../../packages/authkit-emulator/dist/index.js";
import { startRuntimeServer } from "../targets.js";
import { runLoad, TokenRotation } from "../load.js";
import { mintDistinctTokens, signInUsers } from "../tokens.js";
import { pinProcesses, threadCpuMicros } from "../machine.js";
import { median } from "../report.js";

const fourth = process.argv[2];
if (fourth !== undefined && fourth !== "misses" && fourth !== "second-hits") throw new Error("nextjs-quick-sets: the fourth process is misses or second-hits");
const sets = Number(process.env.SETS ?? 3);
const buildRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../.build");
const build = (name: string) => ({ runtime: "nextjs" as const, dir: path.join(buildRoot, name) });
const publicURL = "http://127.0.0.1:39123";
const emulator = await startEmulator({ port: 0, accessTokenTtl: 3600 });
const pin = pinProcesses(process.pid);
if (!pin) throw new Error("nextjs-quick-sets: needs Linux and two cores or more");

// Sign in through a process at the public URL the others answer as (the tokens' audience).
const signer = await startRuntimeServer(build("nextjs-workos"), emulator.url, publicURL, { port: 39123 });
const real = [...(await signInUsers(signer.mcpURL, [{ email: "alice@acme.test", organization: "Acme" }, { email: "bob@acme.test" }])).values()];
await signer.stop();
const sides: [string, string, TokenRotation][] = [
  ["base", "nextjs-noAuth", new TokenRotation([])],
  ["hits", "nextjs-workos", new TokenRotation([real[0]!])],
  ["control", "nextjs-noAuth", new TokenRotation([])],
];
if (fourth === "misses") sides.push(["misses", "nextjs-workos", new TokenRotation(await mintDistinctTokens(emulator, real, 12_288))]);
if (fourth === "second-hits") sides.push(["second-hits", "nextjs-workos", new TokenRotation([real[0]!])]);

const ratios = new Map<string, number[]>();
for (let set = 1; set <= sets; set++) {
  const servers = await Promise.all(sides.map(([, name]) => startRuntimeServer(build(name), emulator.url, publicURL)));
  servers.forEach((server) => server.pids.forEach(pin));
  const cpu = (i: number) => {
    const t = threadCpuMicros(servers[i]!.pid)!;
    return t.main + t.others;
  };
  const load = (i: number, seconds: number) =>
    runLoad({ mcpURL: servers[i]!.mcpURL, tool: "greet", tokens: sides[i]![2], connections: 20, durationSeconds: seconds });
  const perCall: number[][] = sides.map(() => []);
  try {
    await Promise.all(sides.map((_, i) => load(i, 15 * sides.length)));
    for (let round = 0; round < 3; round++) {
      await Promise.all(sides.map((_, i) => load(i, 2)));
      const before = sides.map((_, i) => cpu(i));
      const runs = await Promise.all(sides.map((_, i) => load(i, 4)));
      const after = sides.map((_, i) => cpu(i));
      runs.forEach((run, i) => {
        if (run.failures > 0) throw new Error(`nextjs-quick-sets: ${run.failures} failed calls (${sides[i]![0]})`);
        perCall[i]!.push((after[i]! - before[i]!) / run.requests);
      });
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
  const m = perCall.map(median);
  sides.forEach(([name], i) => ratios.set(name, [...(ratios.get(name) ?? []), m[0]! / m[i]!]));
  console.log(`set ${set}: ${sides.map(([name], i) => `${name} ${m[i]!.toFixed(0)} µs/call`).join("  ")}  hits × base ${(m[0]! / m[1]!).toFixed(3)}  control × base ${(m[0]! / m[2]!).toFixed(3)}`);
}
console.log(`median of ${sets} sets: hits × base ${median(ratios.get("hits")!).toFixed(3)}, control × base ${median(ratios.get("control")!).toFixed(3)}`);
await emulator.stop();
