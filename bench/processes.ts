/**
 * `npm run bench:processes`: the plugin's cost measured across many sets of fresh processes
 * instead of one long-lived process per build. On a shared VM two processes of the same build
 * can settle tens of percent apart for their whole life (the main run's control row shows it),
 * and the machine's speed drifts over minutes, so a ratio needs both: many processes, and
 * compared runs next to each other in time. Each set starts its processes together: the baseline
 * (nothing in front of `/mcp`), the provider's defaults for one repeated token (every request a
 * verified-token cache hit) and another for the distinct set (every request a miss); they are
 * loaded at the same time on the shared server core (see {@link together}; `--in-turn` measures
 * them one after another in the balanced order of {@link schedule}), each authenticated run
 * checked against the server's own counts. `--runtime workers|nextjs` does the same with the
 * Cloudflare example under `wrangler dev` or the Next.js one under `next start`; `--json` hands
 * the sets to `npm run bench`, which judges the targets on them; `--in-process` compares the two
 * sides on one build; `--against` pairs the baseline with an experiment's middleware. See
 * bench/README.md, "Fresh processes".
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startEmulator } from "../packages/authkit-emulator/dist/index.js";
import { startExampleServer, type ExampleServer } from "../examples/workos-http/test/helpers/example-server.js";
import { buildExampleCopy, type ExampleBuild } from "../examples/workos-http/test/helpers/example-build.js";
import { behindStatsLayer, buildBenchApps, greetWithoutSession, inProcessFiles } from "./apps.js";
import { freePort } from "../e2e/helpers/free-port.js";
import { buildRuntimeApp, startRuntimeServer, type App, type RuntimeBuild } from "./targets.js";
import { runLoad, TokenRotation } from "./load.js";
import { describeMachine, loadAverage, pinProcesses, threadCpuMicros } from "./machine.js";
import { positive } from "./numeric-option.js";
import { median } from "./report.js";
import { loadedTogether, renderSets, runtimeNames, throughput, throughputUnit, runtimeTitles, setRuntimes, type Figures, type SetFigures, type SetsRun } from "./sets-report.js";
import { contradiction, countsBetween, lookupsWithoutToken, readServerCounts, touchServerCounts } from "./server-counts.js";
import { mintDistinctTokens, signInUsers } from "./tokens.js";
import { processes, variants } from "./variants.js";

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    sets: { type: "string", default: "5" },
    // Default: see `roundsFor`.
    rounds: { type: "string" },
    warmup: { type: "string" },
    settle: { type: "string", default: "2" },
    duration: { type: "string", default: "4" },
    connections: { type: "string", default: "20" },
    // e.g. --node-options=--experimental-async-context-frame: NODE_OPTIONS for every server of the run (xmcp's Node server, next start).
    "node-options": { type: "string", default: "" },
    // A middleware file: instead of the provider, pair the baseline with the example running it (no token sent).
    against: { type: "string", default: "" },
    // With --against: a header of this many bytes on every request to the experiment's process, the size of a bearer token's.
    pad: { type: "string" },
    // One build for both sides: a process per side together, or (--in-turn) both sides by turns in one process.
    "in-process": { type: "boolean", default: false },
    // A fourth process per set: the baseline's build again, to show how far two identical processes land apart.
    control: { type: "boolean", default: false },
    // Measure the processes of a set one after another instead of all at once (see `together`).
    "in-turn": { type: "boolean", default: false },
    // Where the example runs: xmcp's Node server, on Workers (`wrangler dev`), or inside Next.js (`next start`).
    runtime: { type: "string", default: "node" },
    // Write the sets as JSON to this file instead of a results page (`npm run bench` reads it).
    json: { type: "string" },
  },
});
const nodeOptions = args["node-options"];
const against = args.against;
const pad = args.pad === undefined ? undefined : positive(args.pad, "pad");
if (pad !== undefined && !against) throw new Error("bench: --pad pads the requests of an --against experiment");
const inProcess = args["in-process"];
const control = args.control;
if (!(setRuntimes as string[]).includes(args.runtime)) throw new Error(`bench: --runtime takes ${setRuntimes.join(", ")}, not ${args.runtime}`);
const runtime = args.runtime as SetsRun["runtime"];
if (runtime !== "node" && against) throw new Error("bench: --against applies to the Node runtime only");
if (runtime === "workers" && nodeOptions) throw new Error("bench: --node-options applies to Node processes (xmcp's server, next start), not to workerd");
if (runtime === "workers" && inProcess) throw new Error("bench: --in-process is built for Node and Next.js only");
if (args.json && (against || inProcess)) throw new Error("bench: --json applies to the sets of the main mode only");
if (control && (against || inProcess)) throw new Error("bench: --control applies to the sets of the main mode only");
if (against && inProcess) throw new Error("bench: --against and --in-process are two different experiments: pass one");
/**
 * Whether a set's processes are measured all at once (the default) or in turn (`--in-turn`).
 * Together they share the server core at every instant (Linux's scheduler gives each
 * runnable process an equal share), so the machine's drift, which moves a lone process's
 * throughput by a third between runs a minute apart, moves them all alike, and each is compared
 * on calls per second of its own CPU time, what it would serve with the core to itself. In turn
 * each run has the core alone. With `--in-process`, together means two processes of the one
 * build, one per side; in turn, one process serving both sides by turns.
 */
const together = !args["in-turn"];
if (together && !threadCpuMicros(process.pid)) {
  throw new Error("bench: loading a set's processes together compares them on CPU time read from /proc (Linux); pass --in-turn here");
}
/** What the tables call the server under test. */
const serverName = runtimeNames[runtime];
const settings = {
  sets: positive(args.sets, "sets"),
  rounds: args.rounds === undefined ? undefined : positive(args.rounds, "rounds"),
  // Next.js and workerd keep getting faster for longer than xmcp's Node server (bench/run.ts): twice the warm-up.
  warmup: args.warmup === undefined ? (runtime === "node" ? 10 : 20) : positive(args.warmup, "warmup"),
  settle: positive(args.settle, "settle"),
  duration: positive(args.duration, "duration"),
  connections: positive(args.connections, "connections"),
};

// The main run's variants, so the server's counts are checked against the same expectations.
const expectations = { hit: variants.find((v) => v.id === "repeated")!, miss: variants.find((v) => v.id === "distinct")! };
/** More than the verified-token cache holds (10,000 by default), so every request of the miss side misses. */
const DISTINCT_TOKENS = 12_288;
const log = (line: string) => process.stderr.write(`[processes] ${line}\n`);

type Kind = "none" | "hit" | "miss";
type ProcessId = "no-auth" | "no-auth-control" | "default" | "repeated" | "against" | "in-process" | "in-process-hits";
/** One side of a comparison: what `key` names in the results, the process it runs on, and the tokens it sends. */
interface Side {
  key: string;
  id: ProcessId;
  kind: Kind;
}
async function main(): Promise<void> {
  const machine = describeMachine();
  const loadAtStart = loadAverage();
  const wanted = processes.filter((p) => p.id === "no-auth" || p.id === "default" || p.id === "repeated" || (control && p.id === "no-auth-control"));
  if (runtime === "node") log("building the baseline and the authenticated example into bench/.build/processes …");
  const builds =
    runtime === "node" ? await buildBenchApps(wanted, { minify: true, buildRoot: path.join(benchDir, ".build", "processes") }) : new Map<string, never>();
  // The resource every authenticated process answers as, whatever port it listens on, so one sign-in serves them all.
  const publicURL = `http://127.0.0.1:${builds.get("default")?.port ?? (await freePort())}`;
  // The experiments' builds, next to the main ones (each its own baked port): the --against
  // experiment's, or --in-process's, twice when its two sides run together in two processes.
  const nodeBuilds = new Map<string, ExampleBuild>(builds);
  const buildBeside = (id: ProcessId, port: number, replace: Record<string, string>) =>
    nodeBuilds.set(id, buildExampleCopy({ buildDir: path.join(benchDir, ".build", "processes", id), port, replace }));
  if (against) {
    buildBeside("against", builds.get("default")!.port, { ...behindStatsLayer(readFileSync(path.resolve(against), "utf8")), "src/tools/greet.ts": greetWithoutSession() });
  } else if (inProcess && runtime === "node") {
    buildBeside("in-process", builds.get("default")!.port, inProcessFiles());
    if (together) buildBeside("in-process-hits", builds.get("repeated")!.port, inProcessFiles());
  }
  // Workers and Next.js: one build per app (the port is chosen when `wrangler dev` or `next start` starts).
  const runtimeBuilds = new Map<ProcessId, RuntimeBuild>();
  if (runtime !== "node") {
    log(`building the ${runtime} example into bench/.build/ …`);
    const wantedApps: [ProcessId, App][] = [["default", "workos"], inProcess ? ["in-process", "inProcess"] : ["no-auth", "noAuth"]];
    for (const [id, app] of wantedApps) runtimeBuilds.set(id, buildRuntimeApp(runtime, app));
    runtimeBuilds.set("repeated", runtimeBuilds.get("default")!);
    if (inProcess) runtimeBuilds.set("in-process-hits", runtimeBuilds.get("in-process")!);
    if (control) runtimeBuilds.set("no-auth-control", runtimeBuilds.get("no-auth")!);
  }
  const emulator = await startEmulator({ port: 0, accessTokenTtl: 3600 });
  const pin = pinProcesses(process.pid);
  const sets: SetFigures[] = [];
  const twinPairs: TwinPair[] = [];
  const inProcessRuns: InProcessRun[] = [];
  let tokens: Record<Kind, TokenRotation> = { none: new TokenRotation([]), hit: new TokenRotation([]), miss: new TokenRotation([]) };

  /** A fresh server process of `id`'s build, answering as `publicURL`, with the pids that serve its requests. */
  async function startServer(id: ProcessId, options: { atPublicURL?: boolean } = {}): Promise<ExampleServer & { pids: number[] }> {
    const runtimeBuild = runtimeBuilds.get(id);
    if (runtimeBuild) {
      const port = options.atPublicURL ? Number(new URL(publicURL).port) : undefined;
      return startRuntimeServer(runtimeBuild, emulator.url, publicURL, { port, nodeOptions });
    }
    const env = { BASE_URL: publicURL, ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}) };
    const server = await startExampleServer(emulator.url, env, nodeBuilds.get(id)!);
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
      const distinct = inProcess ? [] : await mintDistinctTokens(emulator, real, DISTINCT_TOKENS);
      return { none: new TokenRotation([]), hit: new TokenRotation([real[0]!]), miss: new TokenRotation(distinct) };
    } finally {
      await server.stop();
    }
  }

  /**
   * Starts a fresh process per distinct `id` of `sides`, warms them up, then measures them for
   * every round; stops them. With {@link together} a round loads every process at once (see
   * `--in-turn`); otherwise the sides take turns in the order of {@link schedule}, so each
   * side's runs sit next to the others' in time and no side holds a better place in the order.
   * Medians per side, by `key`.
   */
  async function measureSides(sides: readonly Side[], pair: number): Promise<Map<string, Figures>> {
    const servers = new Map<ProcessId, ExampleServer & { pids: number[] }>();
    const rounds = roundsFor(sides.length);
    const first = schedule(sides, pair, 1);
    const load = (side: Side, seconds: number) =>
      runLoad({
        mcpURL: servers.get(side.id)!.mcpURL,
        tool: "greet",
        tokens: tokens[side.kind],
        connections: settings.connections,
        durationSeconds: seconds,
        ...(pad && side.id === "against" ? { extraHeaders: { "x-bench-padding": "A".repeat(pad) } } : {}),
      });
    try {
      // Started and warmed up in the reverse of the first round's order: the side measured first is the one warmed last.
      for (const { id } of [...first].reverse()) if (!servers.has(id)) servers.set(id, await startServer(id));
      for (const server of servers.values()) for (const pid of server.pids) pin?.(pid);
      // Together, each process gets its share of the core: as long a warm-up in all as in turn.
      if (together) await Promise.all(sides.map((side) => load(side, settings.warmup * sides.length)));
      else for (const side of [...first].reverse()) await load(side, settings.warmup);
      const runs = new Map<string, Figures[]>(sides.map((side) => [side.key, []]));
      for (let round = 1; round <= rounds; round++) {
        for (const group of together ? [sides] : schedule(sides, pair, round).map((side) => [side])) {
          const figures = await measureRun(group, round);
          group.forEach((side, i) => runs.get(side.key)!.push(figures[i]!));
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

    /**
     * One measured run of every side of `group` at the same time, after an unmeasured settle:
     * each checked against its server's counts, with its server's CPU time over the run.
     */
    async function measureRun(group: readonly Side[], round: number): Promise<Figures[]> {
      await Promise.all(group.map((side) => load(side, settings.settle)));
      const origins = group.map((side) => new URL(servers.get(side.id)!.url).origin);
      // In the in-process build the no-token side is counted too: it must not reach the token cache.
      const counted = group.map((side) => side.kind !== "none" || side.id === "in-process");
      // Every process is asked, counted or not, so each has served the same routes.
      const readCounts = () => Promise.all(group.map((_, i) => (counted[i] ? readServerCounts(origins[i]!) : touchServerCounts(origins[i]!).then(() => undefined))));
      const countsBefore = await readCounts();
      const cpuBefore = group.map((side) => serverCpu(servers.get(side.id)!.pids));
      const results = await Promise.all(group.map((side) => load(side, settings.duration)));
      const cpuAfter = group.map((side) => serverCpu(servers.get(side.id)!.pids));
      const countsAfter = await readCounts();
      return Promise.all(
        group.map(async (side, i) => {
          const result = results[i]!;
          if (result.failures > 0) throw new Error(`bench: ${result.failures} failed calls\n${servers.get(side.id)!.output()}`);
          const before = countsBefore[i];
          const after = countsAfter[i];
          const counts = before && after && countsBetween(before, after);
          const wrong =
            counts &&
            (side.kind === "none"
              ? lookupsWithoutToken(counts)
              : contradiction(expectations[side.kind], counts, result.requests, settings.connections));
          if (wrong) throw new Error(`bench: ${wrong} (pair ${pair}, round ${round}, ${side.key})`);
          const [cpuStart, cpuEnd] = [cpuBefore[i], cpuAfter[i]];
          const perCall = (pick: (cpu: { main: number; others: number }) => number) =>
            cpuStart && cpuEnd ? (pick(cpuEnd) - pick(cpuStart)) / result.requests : Number.NaN;
          const figures = {
            requestsPerSecond: result.requestsPerSecond,
            cpuMicrosPerCall: perCall((cpu) => cpu.main + cpu.others),
            mainMicrosPerCall: perCall((cpu) => cpu.main),
          };
          log(
            `pair ${pair} round ${round} ${side.key.padEnd(7)} ${figures.requestsPerSecond.toFixed(0).padStart(5)} req/s  ${figures.cpuMicrosPerCall.toFixed(0)} µs CPU/call (main thread ${figures.mainMicrosPerCall.toFixed(0)})${counts ? `  cache ${counts.hits} hits / ${counts.misses} misses` : ""}`,
          );
          return figures;
        }),
      );
    }
  }

  try {
    // No token is sent to an experiment (--against).
    if (!against) tokens = await signIn();
    for (let pair = 1; pair <= settings.sets; pair++) {
      if (inProcess) {
        const figures = await measureSides(
          [
            { key: "none", id: "in-process", kind: "none" },
            { key: "hit", id: together ? "in-process-hits" : "in-process", kind: "hit" },
          ],
          pair,
        );
        inProcessRuns.push({ pair, none: figures.get("none")!, hit: figures.get("hit")! });
      } else if (against) {
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
        sets.push({ set: pair, none: figures.get("none")!, hit: figures.get("hit")!, miss: figures.get("miss")!, control: figures.get("control") });
      }
    }
  } finally {
    await emulator.stop();
  }

  const setsRun: SetsRun = {
    runtime,
    generatedAt: new Date().toISOString(),
    machine,
    loadAtStart,
    nodeOptions,
    warmup: settings.warmup,
    settle: settings.settle,
    duration: settings.duration,
    connections: settings.connections,
    rounds: roundsFor(control ? 4 : 3),
    together,
    distinctTokens: DISTINCT_TOKENS,
    sets,
  };
  if (args.json) {
    writeFileSync(args.json, `${JSON.stringify(setsRun, null, 2)}\n`);
    return;
  }
  // The page names the command as it was given (--control, --sets, --in-turn and all), so it can be run again.
  const given = process.argv.slice(2);
  const command = `npm run bench:processes${given.length === 0 ? "" : ` -- ${given.join(" ")}`}`;
  const markdown = inProcess
    ? renderInProcess(inProcessRuns, machine, loadAtStart, command)
    : against
      ? renderTwin(twinPairs, machine, loadAtStart, command)
      : renderSets(setsRun, {
          level: "#",
          title: `@xmcp-dev/workos on fresh processes${runtime === "node" ? "" : `: ${runtimeTitles[runtime]}`}`,
          command,
          readme: "../README.md#fresh-processes",
        });
  mkdirSync(path.join(benchDir, "results"), { recursive: true });
  const name =
    runtime !== "node"
      ? `processes${inProcess ? `-in-process${together ? "" : "-in-turn"}` : ""}-${runtime}${nodeOptions ? "-node-options" : ""}`
      : inProcess
        ? `processes-in-process${together ? "" : "-in-turn"}${nodeOptions ? "-node-options" : ""}`
        : against
          ? `processes-${path.basename(against, path.extname(against))}${pad ? "-pad" : ""}`
          : nodeOptions
            ? "processes-node-options"
            : "processes";
  writeFileSync(path.join(benchDir, "results", `${name}.md`), markdown);
  process.stdout.write(`\n${markdown}`);
}

/** Rounds per set: `--rounds`; three for processes loaded together; else one whole design of {@link schedule} (four for two sides). */
function roundsFor(sides: number): number {
  if (settings.rounds !== undefined) return settings.rounds;
  // Loaded together, the processes need no order: three rounds, each process's median taken over them.
  if (together) return 3;
  // A whole Williams design (see `schedule`): as many rounds as sides, twice that for an odd number.
  return sides < 3 ? 4 : sides % 2 === 0 ? sides : 2 * sides;
}

/**
 * The order of `sides` in round `round` of set `set`. On a shared core the place in the order
 * matters for a whole set: a process that just ran, or that sat idle longest, measures
 * differently (with a fixed order, ABBA over three rounds, a second process of the baseline's
 * build ran at 0.90 × the baseline in all ten Node sets and 1.12 × in all five Next.js sets).
 * So does the run just before: a plain rotation puts every side in every place, but always after
 * the same neighbour, and the control, which always followed the misses' process, ran at 0.875 ×
 * the baseline over eight Node sets. So the rounds follow a Williams design (Williams 1949,
 * "Experimental designs balanced for the estimation of residual effects of treatments"): over
 * as many rounds as sides (twice that for an odd number), every side runs once in every place
 * and once right after every other side. Each set starts one round further into the design. Two
 * sides alternate ABBA, set by set starting with the other.
 */
function schedule<T>(sides: readonly T[], set: number, round: number): T[] {
  const n = sides.length;
  if (n < 3) return (set + round) % 2 === 0 ? [...sides] : [...sides].reverse();
  // First sequence 0, 1, n−1, 2, n−2, …; the others add 1, 2, … modulo n. With an odd n the
  // design needs the mirror images too.
  const first = Array.from({ length: n }, (_, i) => (i === 0 ? 0 : i % 2 === 1 ? (i + 1) / 2 : n - i / 2));
  const cycle = n % 2 === 0 ? n : 2 * n;
  const k = (set - 1 + round - 1) % cycle;
  const order = first.map((i) => sides[(i + k) % n]!);
  return k < n ? order : order.reverse();
}

interface TwinPair {
  pair: number;
  none: Figures;
  twin: Figures;
}

function renderTwin(pairs: TwinPair[], machine: ReturnType<typeof describeMachine>, loadAtStart: number, command: string): string {
  const ratios = pairs.map((p) => throughput(p.twin, together) / throughput(p.none, together));
  const unit = throughputUnit(together);
  return [
    `# The example's baseline against \`${against}\`${pad ? ` with a ${pad}-byte header` : ""}, on fresh processes`,
    "",
    `Generated by \`${command}\` on ${new Date().toISOString()}: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load average ${loadAtStart} at start. ${settings.sets} pairs of fresh processes, started together: the example with a pass-through middleware, and the example with \`${against}\` as its middleware instead (no provider; no token sent), each behind the bench's counters layer.${pad ? ` Every request to the second carries one more header, \`x-bench-padding\`, of ${pad} bytes: what a bearer token's bytes cost before anything reads them.` : ""} ${together ? `Both ${loadedTogether({ ...settings, processes: 2, rounds: roundsFor(2) })}` : `Each warmed up ${settings.warmup} s, then measured in turn ${roundsFor(2)} times (${settings.settle} s unmeasured, ${settings.duration} s measured, ${settings.connections} connections, \`tools/call\` of \`greet\`); each figure is a process's median.`}`,
    "",
    `| pair | pass-through: ${unit} | with the file: ${unit} | ratio | server CPU µs / call (main thread): pass-through / with the file |`,
    "|---:|---:|---:|---:|---|",
    ...pairs.map(
      (p, i) =>
        `| ${p.pair} | ${throughput(p.none, together).toFixed(0)} | ${throughput(p.twin, together).toFixed(0)} | ${ratios[i]!.toFixed(3)} | ${p.none.cpuMicrosPerCall.toFixed(0)} (${p.none.mainMicrosPerCall.toFixed(0)}) / ${p.twin.cpuMicrosPerCall.toFixed(0)} (${p.twin.mainMicrosPerCall.toFixed(0)}) |`,
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

function renderInProcess(runs: InProcessRun[], machine: ReturnType<typeof describeMachine>, loadAtStart: number, command: string): string {
  const ratios = runs.map((r) => throughput(r.hit, together) / throughput(r.none, together));
  const unit = throughputUnit(together);
  const adds = runs.map((r) => r.hit.cpuMicrosPerCall - r.none.cpuMicrosPerCall);
  const mainAdds = runs.map((r) => r.hit.mainMicrosPerCall - r.none.mainMicrosPerCall);
  return [
    `# A repeated token against no auth, ${together ? "on one build" : "inside one process"}${runtime === "nextjs" ? ": Next.js" : ""}`,
    "",
    `Generated by \`${command}\` on ${new Date().toISOString()}: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load average ${loadAtStart} at start; ${nodeOptions ? `servers run with NODE_OPTIONS=${nodeOptions}; ` : ""}each server pinned to the last core. ${together ? `${settings.sets} pairs of fresh processes` : `${settings.sets} fresh processes`} of one build of ${serverName}: \`/mcp\` requests with a token go through the shipped provider (one real token repeated, every request a verified-token cache hit, confirmed by the server's counts), requests without one go straight to xmcp, as in the baseline build. ${
      together
        ? `In each pair one process gets only requests without a token and the other only the repeated token, both ${loadedTogether({ ...settings, processes: 2, rounds: roundsFor(2) })} The two processes run the same code, so what differs is what serving hits costs, per request and process-wide.`
        : `Each process is warmed up ${settings.warmup} s per side, then measured ${roundsFor(2)} times per side (${settings.settle} s unmeasured, ${settings.duration} s measured, ${settings.connections} connections, \`tools/call\` of \`greet\`), alternating which goes first; each figure is a process's median. Both sides share the process, its heap and its JIT state, so the spread between processes cancels; what the provider's code leaves behind process-wide (an AsyncLocalStorage once used) is paid by both sides.`
    }`,
    "",
    `| ${together ? "pair" : "process"} | no token: ${unit} | repeated token: ${unit} | ratio | server CPU µs / call: no token / repeated | a hit adds, µs (main thread) |`,
    "|---:|---:|---:|---:|---|---|",
    ...runs.map(
      (r, i) =>
        `| ${r.pair} | ${throughput(r.none, together).toFixed(0)} | ${throughput(r.hit, together).toFixed(0)} | ${ratios[i]!.toFixed(3)} | ${r.none.cpuMicrosPerCall.toFixed(0)} / ${r.hit.cpuMicrosPerCall.toFixed(0)} | ${adds[i]!.toFixed(0)} (${mainAdds[i]!.toFixed(0)}) |`,
    ),
    "",
    `**Median over ${runs.length} ${together ? "pairs" : "processes"}:** a repeated token runs at **${median(ratios).toFixed(3)} ×** the no-token throughput (${Math.min(...ratios).toFixed(3)} to ${Math.max(...ratios).toFixed(3)}); a hit adds **${median(adds).toFixed(0)} µs** of server CPU per call, **${median(mainAdds).toFixed(0)} µs** of it on the main thread.`,
    "",
  ].join("\n");
}

await main();
