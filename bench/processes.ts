/**
 * `npm run bench:processes`: the plugin's cost measured across many sets of fresh processes
 * instead of one long-lived process per build. On a shared VM two processes of the same build
 * can settle tens of percent apart for their whole life (the main run's control row shows it),
 * and the machine's speed drifts over minutes, so a ratio needs both: many processes, and
 * compared runs next to each other in time. Each set starts its processes together: the baseline
 * (nothing in front of `/mcp`), the provider's defaults for one repeated token (every request a
 * verified-token cache hit) and another for the distinct set (every request a miss); their runs
 * take turns, the order alternating every round, each authenticated run checked against the
 * server's own counts. `--runtime nextjs` does the same with the Next.js example under
 * `next start`; `--in-process` compares the two sides inside one process of one build;
 * `--against` pairs the baseline with an experiment's middleware. See bench/README.md,
 * "Fresh processes".
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startEmulator } from "../packages/authkit-emulator/dist/index.js";
import { startExampleServer, type ExampleServer } from "../examples/workos-http/test/helpers/example-server.js";
import { buildExampleCopy } from "../examples/workos-http/test/helpers/example-build.js";
import { buildBenchApps, greetWithoutSession, inProcessFiles } from "./apps.js";
import { freePort } from "../e2e/helpers/free-port.js";
import { buildRuntimeApp, startRuntimeServer, type App, type RuntimeBuild } from "./targets.js";
import { runLoad, TokenRotation } from "./load.js";
import { describeMachine, loadAverage, pinProcesses, threadCpuMicros } from "./machine.js";
import { positive } from "./numeric-option.js";
import { median } from "./report.js";
import { contradiction, countsBetween, readServerCounts } from "./server-counts.js";
import { mintDistinctTokens, signInUsers } from "./tokens.js";
import { processes, variants } from "./variants.js";

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    pairs: { type: "string", default: "5" },
    rounds: { type: "string", default: "3" },
    warmup: { type: "string", default: "10" },
    settle: { type: "string", default: "2" },
    duration: { type: "string", default: "4" },
    connections: { type: "string", default: "20" },
    // e.g. --node-options=--experimental-async-context-frame: NODE_OPTIONS for both builds' servers.
    "node-options": { type: "string", default: "" },
    // A middleware file: instead of the provider, pair the baseline with the example running it (no token sent).
    against: { type: "string", default: "" },
    // One build serving both sides: no-token and repeated-token runs alternate inside each process.
    "in-process": { type: "boolean", default: false },
    // A fourth process per set: the baseline's build again, to show how far two identical processes land apart.
    control: { type: "boolean", default: false },
    // Where the example runs: xmcp's Node server, or inside Next.js (`next start`).
    runtime: { type: "string", default: "node" },
  },
});
const nodeOptions = args["node-options"];
const against = args.against;
const inProcess = args["in-process"];
const control = args.control;
if (args.runtime !== "node" && args.runtime !== "nextjs") throw new Error(`bench: --runtime takes node or nextjs, not ${args.runtime}`);
const runtime = args.runtime;
if (runtime === "nextjs" && (against || nodeOptions)) throw new Error("bench: --against and --node-options apply to the Node runtime only");
if (control && (against || inProcess)) throw new Error("bench: --control applies to the sets of the main mode only");
/** What the tables call the server under test. */
const serverName = runtime === "nextjs" ? "the Next.js example (`next start`)" : "the example on xmcp's Node server";
const settings = {
  pairs: positive(args.pairs, "pairs"),
  rounds: positive(args.rounds, "rounds"),
  warmup: positive(args.warmup, "warmup"),
  settle: positive(args.settle, "settle"),
  duration: positive(args.duration, "duration"),
  connections: positive(args.connections, "connections"),
};

// The main run's variants, so the server's counts are checked against the same expectations.
const expectations = { hit: variants.find((v) => v.id === "repeated")!, miss: variants.find((v) => v.id === "distinct")! };
const log = (line: string) => process.stderr.write(`[processes] ${line}\n`);

type Kind = "none" | "hit" | "miss";
type ProcessId = "no-auth" | "no-auth-control" | "default" | "repeated" | "against" | "in-process";
/** One side of a comparison: what `key` names in the results, the process it runs on, and the tokens it sends. */
interface Side {
  key: string;
  id: ProcessId;
  kind: Kind;
}
interface Figures {
  requestsPerSecond: number;
  /** Server CPU per call: all threads, and the main thread alone (the rest is V8's GC and compiler threads, libuv's pool). */
  cpuMicrosPerCall: number;
  mainMicrosPerCall: number;
}
/** One baseline start and the authenticated start after it: medians over each process's measured runs. */
interface Pair {
  pair: number;
  none: Figures;
  hit: Figures;
  miss: Figures;
  /** With `--control`: a second process of the baseline's build. */
  control?: Figures;
}

async function main(): Promise<void> {
  const machine = describeMachine();
  const loadAtStart = loadAverage();
  const wanted = processes.filter((p) => p.id === "no-auth" || p.id === "default" || p.id === "repeated" || (control && p.id === "no-auth-control"));
  log("building the baseline and the authenticated example into bench/.build/processes …");
  const builds =
    runtime === "node" ? await buildBenchApps(wanted, { minify: true, buildRoot: path.join(benchDir, ".build", "processes") }) : new Map<string, never>();
  // The resource every authenticated process answers as, whatever port it listens on, so one sign-in serves them all.
  const publicURL = `http://127.0.0.1:${builds.get("default")?.port ?? (await freePort())}`;
  const twin = against
    ? buildExampleCopy({
        buildDir: path.join(benchDir, ".build", "processes", "against"),
        port: builds.get("default")!.port,
        replace: { "src/middleware.ts": readFileSync(path.resolve(against), "utf8"), "src/tools/greet.ts": greetWithoutSession() },
      })
    : inProcess
      ? buildExampleCopy({ buildDir: path.join(benchDir, ".build", "processes", "in-process"), port: builds.get("default")!.port, replace: inProcessFiles() })
      : undefined;
  // Next.js: the same three builds for `next start` (its port is chosen when it starts).
  const nextBuilds = new Map<ProcessId, RuntimeBuild>();
  if (runtime === "nextjs") {
    log("building the Next.js example into bench/.build/ …");
    const wantedApps: [ProcessId, App][] = [["default", "workos"], inProcess ? ["in-process", "inProcess"] : ["no-auth", "noAuth"]];
    for (const [id, app] of wantedApps) nextBuilds.set(id, buildRuntimeApp("nextjs", app));
    // The port is chosen when `next start` starts, so both authenticated processes share one build.
    nextBuilds.set("repeated", nextBuilds.get("default")!);
    if (control) nextBuilds.set("no-auth-control", nextBuilds.get("no-auth")!);
  }
  const emulator = await startEmulator({ port: 0, accessTokenTtl: 3600 });
  const pin = pinProcesses(process.pid);
  const pairs: Pair[] = [];
  const twinPairs: TwinPair[] = [];
  const inProcessRuns: InProcessRun[] = [];
  let tokens: Record<Kind, TokenRotation> = { none: new TokenRotation([]), hit: new TokenRotation([]), miss: new TokenRotation([]) };

  /** A fresh server process of `id`'s build, answering as `publicURL`, with the pids that serve its requests. */
  async function startServer(id: ProcessId, options: { atPublicURL?: boolean } = {}): Promise<ExampleServer & { pids: number[] }> {
    const nextBuild = nextBuilds.get(id);
    if (nextBuild) return startRuntimeServer(nextBuild, emulator.url, publicURL, options.atPublicURL ? Number(new URL(publicURL).port) : undefined);
    const env = { BASE_URL: publicURL, ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}) };
    const server = await startExampleServer(emulator.url, env, id === "against" || id === "in-process" ? twin! : builds.get(id)!);
    return { ...server, pids: [server.pid] };
  }

  /** CPU time of every thread of the server's processes: the main threads, and the rest. */
  const serverCpu = (pids: number[]) => {
    let main = 0;
    let others = 0;
    for (const pid of pids) {
      const cpu = threadCpuMicros(pid);
      if (!cpu) return undefined;
      main += cpu.main;
      others += cpu.others;
    }
    return { main, others };
  };

  /** Signs the users in through one unmeasured authenticated process and mints the distinct set. */
  async function signIn(): Promise<Record<Kind, TokenRotation>> {
    // The MCP client discovers the resource at publicURL, so this one process listens there.
    const server = await startServer("default", { atPublicURL: true });
    try {
      const real = [...(await signInUsers(server.mcpURL, [{ email: "alice@acme.test", organization: "Acme" }, { email: "bob@acme.test" }])).values()];
      const distinct = inProcess ? [] : await mintDistinctTokens(emulator, real, 12_288);
      return { none: new TokenRotation([]), hit: new TokenRotation([real[0]!]), miss: new TokenRotation(distinct) };
    } finally {
      await server.stop();
    }
  }

  /**
   * Starts a fresh process per distinct `id` of `sides`, all at once, warms each side up, then
   * measures the sides in turn, alternating the order every round, so each side's runs sit next
   * to the others' in time; stops them. Medians per side, by `key`.
   */
  async function measureSides(sides: readonly Side[], pair: number): Promise<Map<string, Figures>> {
    const servers = new Map<ProcessId, ExampleServer & { pids: number[] }>();
    try {
      for (const { id } of sides) if (!servers.has(id)) servers.set(id, await startServer(id));
      for (const server of servers.values()) for (const pid of server.pids) pin?.(pid);
      const load = (side: Side, seconds: number) =>
        runLoad({ mcpURL: servers.get(side.id)!.mcpURL, tool: "greet", tokens: tokens[side.kind], connections: settings.connections, durationSeconds: seconds });
      for (const side of sides) await load(side, settings.warmup);
      const runs = new Map<string, Figures[]>(sides.map((side) => [side.key, []]));
      for (let round = 1; round <= settings.rounds; round++) {
        for (const side of round % 2 === 1 ? sides : [...sides].reverse()) {
          const server = servers.get(side.id)!;
          await load(side, settings.settle);
          const origin = new URL(server.url).origin;
          // In the in-process build the no-token side is counted too: it must not reach the token cache.
          const counted = side.kind !== "none" || side.id === "in-process";
          const countsBefore = counted ? await readServerCounts(origin) : undefined;
          const cpuBefore = serverCpu(server.pids);
          const result = await load(side, settings.duration);
          const cpuAfter = serverCpu(server.pids);
          if (result.failures > 0) throw new Error(`bench: ${result.failures} failed calls\n${server.output()}`);
          const counts = countsBefore && countsBetween(countsBefore, await readServerCounts(origin));
          const wrong =
            counts &&
            (side.kind === "none"
              ? counts.hits + counts.misses > 0 && `${counts.hits + counts.misses} token-cache lookups in a no-token run`
              : contradiction(expectations[side.kind], counts, result.requests, settings.connections));
          if (wrong) throw new Error(`bench: ${wrong} (pair ${pair}, round ${round}, ${side.key})`);
          const perCall = (pick: (cpu: { main: number; others: number }) => number) =>
            cpuBefore && cpuAfter ? (pick(cpuAfter) - pick(cpuBefore)) / result.requests : Number.NaN;
          const figures = {
            requestsPerSecond: result.requestsPerSecond,
            cpuMicrosPerCall: perCall((cpu) => cpu.main + cpu.others),
            mainMicrosPerCall: perCall((cpu) => cpu.main),
          };
          runs.get(side.key)!.push(figures);
          log(
            `pair ${pair} round ${round} ${side.key.padEnd(5)} ${figures.requestsPerSecond.toFixed(0).padStart(5)} req/s  ${figures.cpuMicrosPerCall.toFixed(0)} µs CPU/call (main thread ${figures.mainMicrosPerCall.toFixed(0)})${counts ? `  cache ${counts.hits} hits / ${counts.misses} misses` : ""}`,
          );
        }
      }
      return new Map(
        [...runs].map(([key, figures]) => [
          key,
          {
            requestsPerSecond: median(figures.map((f) => f.requestsPerSecond)),
            cpuMicrosPerCall: median(figures.map((f) => f.cpuMicrosPerCall)),
            mainMicrosPerCall: median(figures.map((f) => f.mainMicrosPerCall)),
          },
        ]),
      );
    } finally {
      await Promise.all([...servers.values()].map((server) => server.stop()));
    }
  }

  try {
    // No token is sent to an experiment (--against).
    if (!against) tokens = await signIn();
    for (let pair = 1; pair <= settings.pairs; pair++) {
      if (inProcess) {
        const figures = await measureSides(
          [
            { key: "none", id: "in-process", kind: "none" },
            { key: "hit", id: "in-process", kind: "hit" },
          ],
          pair,
        );
        inProcessRuns.push({ pair, none: figures.get("none")!, hit: figures.get("hit")! });
      } else if (twin) {
        const figures = await measureSides(
          [
            { key: "none", id: "no-auth", kind: "none" },
            { key: "twin", id: "against", kind: "none" },
          ],
          pair,
        );
        twinPairs.push({ pair, none: figures.get("none")!, twin: figures.get("twin")! });
      } else {
        // Hits and misses in processes of their own, so the distinct set's cached sessions do not share the hits' heap.
        const figures = await measureSides(
          [
            { key: "none", id: "no-auth", kind: "none" },
            { key: "hit", id: "repeated", kind: "hit" },
            { key: "miss", id: "default", kind: "miss" },
            ...(control ? [{ key: "control", id: "no-auth-control", kind: "none" } as const] : []),
          ],
          pair,
        );
        pairs.push({ pair, none: figures.get("none")!, hit: figures.get("hit")!, miss: figures.get("miss")!, control: figures.get("control") });
      }
    }
  } finally {
    await emulator.stop();
  }

  const markdown = inProcess
    ? renderInProcess(inProcessRuns, machine, loadAtStart)
    : twin
      ? renderTwin(twinPairs, machine, loadAtStart)
      : render(pairs, machine, loadAtStart);
  mkdirSync(path.join(benchDir, "results"), { recursive: true });
  const name = runtime === "nextjs" ? (inProcess ? "processes-in-process-nextjs" : "processes-nextjs") : inProcess ? `processes-in-process${nodeOptions ? "-node-options" : ""}` : against ? `processes-${path.basename(against, path.extname(against))}` : nodeOptions ? "processes-node-options" : "processes";
  writeFileSync(path.join(benchDir, "results", `${name}.md`), markdown);
  process.stdout.write(`\n${markdown}`);
}

function render(pairs: Pair[], machine: ReturnType<typeof describeMachine>, loadAtStart: number): string {
  const ratio = (kind: "hit" | "miss") => pairs.map((p) => p[kind].requestsPerSecond / p.none.requestsPerSecond);
  const missOverHit = pairs.map((p) => p.miss.requestsPerSecond / p.hit.requestsPerSecond);
  const adds = (kind: "hit" | "miss", over: "none" | "hit", field: "cpuMicrosPerCall" | "mainMicrosPerCall") =>
    pairs.map((p) => p[kind][field] - p[over][field]);
  const f0 = (n: number) => n.toFixed(0);
  const f3 = (n: number) => n.toFixed(3);
  const range = (values: number[], digits: (n: number) => string) => `${digits(Math.min(...values))} to ${digits(Math.max(...values))}`;
  const controls = pairs.flatMap((p) => (p.control ? [p.control.requestsPerSecond / p.none.requestsPerSecond] : []));
  const withControl = controls.length === pairs.length;
  const rows = pairs.map(
    (p, i) =>
      `| ${p.pair} | ${f0(p.none.requestsPerSecond)} | ${f0(p.hit.requestsPerSecond)} | ${f0(p.miss.requestsPerSecond)} | ${f3(ratio("hit")[i]!)} | ${f3(ratio("miss")[i]!)} | ${f3(missOverHit[i]!)} | ${f0(p.none.cpuMicrosPerCall)} / ${f0(p.hit.cpuMicrosPerCall)} / ${f0(p.miss.cpuMicrosPerCall)} | ${f0(adds("miss", "hit", "cpuMicrosPerCall")[i]!)} (${f0(adds("miss", "hit", "mainMicrosPerCall")[i]!)}) |${withControl ? ` ${f3(controls[i]!)} |` : ""}`,
  );
  // How far apart two processes of one build land here: a ratio within this distance of its target is not decided.
  const controlLine = withControl
    ? ` **Control:** a second process of the baseline's build ran at **${f3(median(controls))} ×** the baseline (sets ${range(controls, f3)}); a ratio that far from 1 comes from the machine, not the code.`
    : "";
  return [
    `# @xmcp-dev/workos on fresh processes${runtime === "nextjs" ? ": Next.js" : ""}`,
    "",
    `Generated by \`npm run bench:processes${runtime === "nextjs" ? " -- --runtime nextjs" : ""}\` on ${new Date().toISOString()}: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load average ${loadAtStart} at start; ${nodeOptions ? `servers run with NODE_OPTIONS=${nodeOptions}; ` : ""}each server pinned to the last core. ${settings.pairs} sets of ${withControl ? "four" : "three"} fresh processes, started together: ${serverName} with nothing in front of \`/mcp\` (no auth), the same with the provider's defaults for the hits, another for the misses${withControl ? ", and a second no-auth process of the baseline's build (the control)" : ""}. Each process is warmed up ${settings.warmup} s, then the ${withControl ? "four" : "three"} are measured in turn ${settings.rounds} times (${settings.settle} s unmeasured, ${settings.duration} s measured, ${settings.connections} connections, \`tools/call\` of \`greet\`), the order alternating every round; each figure is a process's median. Hits: one real token repeated, every request a verified-token cache hit. Misses: ${(12_288).toLocaleString("en")} distinct tokens round-robin, every request a miss. The server's own counts confirmed every authenticated run. How to read it: [bench/README.md](../README.md#fresh-processes).`,
    "",
    `| set | no auth: req/s | hits: req/s | misses: req/s | hits × no auth | misses × no auth | misses × hits | server CPU µs / call: no auth / hits / misses | a miss adds over a hit, µs (main thread) |${withControl ? " control × no auth |" : ""}`,
    `|---:|---:|---:|---:|---:|---:|---:|---|---|${withControl ? "---:|" : ""}`,
    ...rows,
    "",
    `**Medians over ${pairs.length} sets:** a repeated token runs at **${f3(median(ratio("hit")))} ×** the no-auth throughput (sets ${range(ratio("hit"), f3)}), distinct tokens at **${f3(median(ratio("miss")))} ×** (${range(ratio("miss"), f3)}). Misses run at **${f3(median(missOverHit))} ×** the throughput of hits, and a miss adds **${f0(median(adds("miss", "hit", "cpuMicrosPerCall")))} µs** of server CPU over a hit (${range(adds("miss", "hit", "cpuMicrosPerCall"), f0)}), **${f0(median(adds("miss", "hit", "mainMicrosPerCall")))} µs** of it on the main thread; the rest is in the processes' other threads (V8's concurrent GC and compiler, libuv's pool).${controlLine}`,
    "",
  ].join("\n");
}

interface TwinPair {
  pair: number;
  none: Figures;
  twin: Figures;
}

function renderTwin(pairs: TwinPair[], machine: ReturnType<typeof describeMachine>, loadAtStart: number): string {
  const ratios = pairs.map((p) => p.twin.requestsPerSecond / p.none.requestsPerSecond);
  return [
    `# The example's baseline against \`${against}\`, on fresh processes`,
    "",
    `Generated by \`npm run bench:processes -- --against ${against}\` on ${new Date().toISOString()}: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load average ${loadAtStart} at start. ${settings.pairs} pairs of fresh processes, started together: the example with a pass-through middleware, and the example with \`${against}\` as its \`src/middleware.ts\` (no provider; no token sent). Each warmed up ${settings.warmup} s, then measured in turn ${settings.rounds} times (${settings.settle} s unmeasured, ${settings.duration} s measured, ${settings.connections} connections, \`tools/call\` of \`greet\`); each figure is a process's median.`,
    "",
    "| pair | pass-through: req/s | with the file: req/s | ratio | server CPU µs / call (main thread): pass-through / with the file |",
    "|---:|---:|---:|---:|---|",
    ...pairs.map(
      (p, i) =>
        `| ${p.pair} | ${p.none.requestsPerSecond.toFixed(0)} | ${p.twin.requestsPerSecond.toFixed(0)} | ${ratios[i]!.toFixed(3)} | ${p.none.cpuMicrosPerCall.toFixed(0)} (${p.none.mainMicrosPerCall.toFixed(0)}) / ${p.twin.cpuMicrosPerCall.toFixed(0)} (${p.twin.mainMicrosPerCall.toFixed(0)}) |`,
    ),
    "",
    `**Median over ${pairs.length} pairs:** **${median(ratios).toFixed(3)} ×** the pass-through's throughput (pairs ${Math.min(...ratios).toFixed(3)} to ${Math.max(...ratios).toFixed(3)}).`,
    "",
  ].join("\n");
}

interface InProcessRun {
  pair: number;
  none: Figures;
  hit: Figures;
}

function renderInProcess(runs: InProcessRun[], machine: ReturnType<typeof describeMachine>, loadAtStart: number): string {
  const ratios = runs.map((r) => r.hit.requestsPerSecond / r.none.requestsPerSecond);
  const adds = runs.map((r) => r.hit.cpuMicrosPerCall - r.none.cpuMicrosPerCall);
  const mainAdds = runs.map((r) => r.hit.mainMicrosPerCall - r.none.mainMicrosPerCall);
  return [
    `# A repeated token against no auth, inside one process${runtime === "nextjs" ? ": Next.js" : ""}`,
    "",
    `Generated by \`npm run bench:processes -- --in-process${runtime === "nextjs" ? " --runtime nextjs" : ""}\` on ${new Date().toISOString()}: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load average ${loadAtStart} at start; ${nodeOptions ? `servers run with NODE_OPTIONS=${nodeOptions}; ` : ""}each server pinned to the last core. ${settings.pairs} fresh processes of one build of ${serverName}: \`/mcp\` requests with a token go through the shipped provider (one real token repeated, every request a verified-token cache hit, confirmed by the server's counts), requests without one go straight to xmcp, as in the baseline build. Each process is warmed up ${settings.warmup} s per side, then measured ${settings.rounds} times per side (${settings.settle} s unmeasured, ${settings.duration} s measured, ${settings.connections} connections, \`tools/call\` of \`greet\`), alternating which goes first; each figure is a process's median. Both sides share the process, its heap and its JIT state, so the spread between processes cancels; what the provider's code leaves behind process-wide (an AsyncLocalStorage once used) is paid by both sides.`,
    "",
    "| process | no token: req/s | repeated token: req/s | ratio | server CPU µs / call: no token / repeated | a hit adds, µs (main thread) |",
    "|---:|---:|---:|---:|---|---|",
    ...runs.map(
      (r, i) =>
        `| ${r.pair} | ${r.none.requestsPerSecond.toFixed(0)} | ${r.hit.requestsPerSecond.toFixed(0)} | ${ratios[i]!.toFixed(3)} | ${r.none.cpuMicrosPerCall.toFixed(0)} / ${r.hit.cpuMicrosPerCall.toFixed(0)} | ${adds[i]!.toFixed(0)} (${mainAdds[i]!.toFixed(0)}) |`,
    ),
    "",
    `**Median over ${runs.length} processes:** a repeated token runs at **${median(ratios).toFixed(3)} ×** the no-token throughput (${Math.min(...ratios).toFixed(3)} to ${Math.max(...ratios).toFixed(3)}); a hit adds **${median(adds).toFixed(0)} µs** of server CPU per call, **${median(mainAdds).toFixed(0)} µs** of it on the main thread.`,
    "",
  ].join("\n");
}

await main();
