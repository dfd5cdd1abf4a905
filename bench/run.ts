/**
 * `npm run bench`: throughput and latency of MCP `tools/call` on the built example, with and
 * without @xmcp-dev/workos, side by side, plus what reached AuthKit and the WorkOS API.
 * See bench/README.md for what each variant means.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startEmulator } from "../packages/authkit-emulator/dist/index.js";
import { FaultProxy } from "../packages/workos/test/helpers/fault-proxy.js";
import { startExampleServer, type ExampleServer } from "../examples/workos-http/test/helpers/example-server.js";
import { buildBenchApps } from "./apps.js";
import { runFleetBench } from "./fleet.js";
import { runLoad, TokenRotation, type LoadResult } from "./load.js";
import { cpuMicros, describeMachine, loadAverage, measurePrimitives, pinProcesses } from "./machine.js";
import { renderChart, renderMarkdown, summarize, type BenchRun, type Measurement, type ProcessRecord } from "./report.js";
import { setRuntimes, type SetsRun } from "./sets-report.js";
import { measureMiddleware } from "./middleware-cost.js";
import { positive } from "./numeric-option.js";
import { contradiction, countsBetween, readServerCounts } from "./server-counts.js";
import { buildRuntimeApp, startRuntimeServer, type RuntimeBuild } from "./targets.js";
import { mintDistinctTokens, signInUsers } from "./tokens.js";
import {
  DEFAULT_TOKEN_CACHE_ENTRIES,
  processes as allProcesses,
  unauthenticated,
  variants as allVariants,
  type ServerProcess,
} from "./variants.js";

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = path.join(benchDir, "results");
const repoRoot = path.resolve(benchDir, "..");

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "4" },
    settle: { type: "string", default: "2" },
    warmup: { type: "string", default: "15" },
    rounds: { type: "string", default: "4" },
    connections: { type: "string", default: "20" },
    tokens: { type: "string", default: "12288" },
    only: { type: "string" },
    profile: { type: "boolean", default: false },
    output: { type: "string", default: "latest" },
    // Fresh-process sets per runtime, on which the targets are judged (0: none).
    sets: { type: "string", default: "6" },
  },
});
const settings = {
  durationSeconds: positive(args.duration, "duration"),
  settleSeconds: positive(args.settle, "settle"),
  warmupSeconds: positive(args.warmup, "warmup"),
  rounds: positive(args.rounds, "rounds"),
  connections: positive(args.connections, "connections"),
  distinctTokens: positive(args.tokens, "tokens"),
  sets: args.sets === "0" ? 0 : positive(args.sets, "sets"),
};
if (settings.distinctTokens <= DEFAULT_TOKEN_CACHE_ENTRIES + settings.connections) {
  throw new Error(`bench: --tokens must exceed ${DEFAULT_TOKEN_CACHE_ENTRIES} (the token cache) so every distinct-token request misses`);
}
const only = args.only?.split(",").map((id) => id.trim());
// The baseline and its control twin always run: every ratio needs the one, and the other says how
// far apart two identical processes are in this run.
const variants = allVariants.filter((v) => unauthenticated(v.process) || !only || only.includes(v.id));
const processes = allProcesses.filter((p) => p.id === "default" || variants.some((v) => v.process === p.id));

/** The seeded accounts (password `dev-password`); alice belongs to two organizations and picks one. */
const USERS = [
  { email: "alice@acme.test", organization: "Acme" },
  { email: "bob@acme.test" },
  { email: "dana@acme.test" },
  { email: "carol@globex.test" },
];

async function main(): Promise<void> {
  if (only?.includes("fleet")) {
    mkdirSync(resultsDir, { recursive: true });
    await runFleetBench({ resultsDir, log });
    if (only.length === 1) return;
  }
  const startedAt = new Date();
  const machine = describeMachine();
  const loadAtStart = loadAverage();
  log(`machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; load average ${loadAtStart}`);

  const nodeProcesses = processes.filter((p) => !p.runtime);
  log(`building the example ${nodeProcesses.length} times into bench/.build (${nodeProcesses.map((p) => p.id).join(", ")}) …`);
  const builds = await buildBenchApps(processes, { minify: !args.profile });
  const runtimeBuilds = new Map<string, RuntimeBuild>();
  for (const { runtime, app } of processes) {
    if (runtime && !runtimeBuilds.has(`${runtime}-${app}`)) {
      log(`building the ${runtime} example (${app}) …`);
      runtimeBuilds.set(`${runtime}-${app}`, buildRuntimeApp(runtime, app));
    }
  }
  const pinServer = pinProcesses(process.pid);
  log(pinServer ? "pinned: servers on the last core, this process (autocannon, emulator, proxy) on the others" : "not pinned (needs Linux, taskset and 2+ cores)");

  // The emulator believes it lives at the proxy's origin (its issuer is read per request), as
  // AuthKit would behind a load balancer: tokens name the proxy as `iss`, so the servers fetch
  // the JWKS and call the WorkOS API through the proxy, which counts and delays those requests.
  const emulator = await startEmulator({ port: 0, accessTokenTtl: 3600 });
  const proxy = await FaultProxy.start(emulator.url);
  emulator.context.issuer = proxy.url;

  // `pids`: every process that serves the requests (wrangler dev runs two workerd), pinned and counted together.
  const servers = new Map<ServerProcess["id"], ExampleServer & { pids?: number[] }>();
  const records = new Map<ServerProcess["id"], ProcessRecord>();
  /** Runs `fn` while only `id` is under load and adds what reached the proxy meanwhile to its tally. */
  async function on<T>(id: ServerProcess["id"], fn: () => Promise<T>): Promise<{ value: T; upstream: Record<string, number> }> {
    const before = new Map(proxy.requests);
    const value = await fn();
    const upstream: Record<string, number> = {};
    for (const [path, n] of proxy.requests) if (n !== (before.get(path) ?? 0)) upstream[path] = n - (before.get(path) ?? 0);
    const record = records.get(id)!;
    for (const [path, n] of Object.entries(upstream)) record.upstream[path] = (record.upstream[path] ?? 0) + n;
    return { value, upstream };
  }

  const measurements: Measurement[] = [];
  try {
    // Tokens are bound to one resource (RFC 8707 `aud`): every authenticated process serves the
    // default one's public URL, as replicas behind a load balancer would.
    const publicURL = `http://127.0.0.1:${builds.get("default")!.port}`;
    for (const server of processes) {
      const env: Record<string, string> = { BASE_URL: publicURL };
      if (args.profile) {
        mkdirSync(path.join(resultsDir, "profiles"), { recursive: true });
        env.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${path.join(resultsDir, "profiles")} --cpu-prof-name=${server.id}.cpuprofile`;
      }
      records.set(server.id, { id: server.id, cache: server.cache, startedAt: Date.now(), lifeSeconds: 0, upstream: {} });
      // The provider fetches the key set while the server starts: that fetch is this process's.
      const { value: started } = await on<ExampleServer & { pids?: number[] }>(server.id, () =>
        server.runtime
          ? startRuntimeServer(runtimeBuilds.get(`${server.runtime}-${server.app}`)!, proxy.url, publicURL)
          : startExampleServer(proxy.url, env, builds.get(server.id)!),
      );
      servers.set(server.id, started);
      for (const pid of started.pids ?? [started.pid]) pinServer?.(pid);
    }

    log(`signing ${USERS.length} users in through the OAuth flow and the emulator's forms …`);
    const { value: real } = await on("default", () => signInUsers(servers.get("default")!.mcpURL, USERS));
    const alice = real.get(USERS[0]!.email)!;
    const userTokens = [...real.values()];

    log(`issuing ${settings.distinctTokens} distinct tokens through emulator.issueAccessToken …`);
    const distinct = await mintDistinctTokens(emulator, userTokens, settings.distinctTokens);
    const primitives = await measurePrimitives(distinct, ((await (await fetch(`${emulator.url}/oauth2/jwks`)).json()) as { keys: Record<string, unknown>[] }).keys);
    const middleware = await measureMiddleware({
      issuer: proxy.url,
      baseURL: publicURL,
      apiKey: emulator.apiKey,
      clientId: emulator.clientId,
      repeated: alice,
      distinct,
    });
    log(
      `in this process: RS256 verify ${primitives.verifyMicros.toFixed(0)} µs, SHA-256 ${primitives.hashMicros.toFixed(1)} µs; middleware hit ${middleware.hitMicros.toFixed(1)} µs, miss ${middleware.missMicros.toFixed(0)} µs`,
    );

    // One rotation per token set and server process for the whole run: warm-up, settle and measured
    // runs, every round. Per process, because each process has its own token cache: a rotation
    // shared with another process would bring a token back to this one before the others had
    // pushed it out of its cache.
    const tokenSets = { one: [alice], distinct, users: userTokens };
    const rotations = new Map<string, TokenRotation>();
    const tokensFor = (variant: (typeof variants)[number]) => {
      const key = `${variant.tokens}:${variant.process}`;
      if (!rotations.has(key)) rotations.set(key, new TokenRotation(tokenSets[variant.tokens]));
      return rotations.get(key)!;
    };
    const loadOn = (variant: (typeof variants)[number], durationSeconds: number) =>
      runLoad({
        mcpURL: servers.get(variant.process)!.mcpURL,
        tool: variant.tool,
        tokens: tokensFor(variant),
        connections: settings.connections,
        durationSeconds,
      });
    const check = (variant: (typeof variants)[number], result: LoadResult) => {
      if (result.failures > 0) {
        throw new Error(`bench: ${variant.id} had ${result.failures} failed calls\n${servers.get(variant.process)!.output()}`);
      }
    };

    // V8 needs ~10 s of load before the tools/call path stops getting faster; pay it once per process.
    // Next.js and workerd keep getting faster for longer (a Next.js server measured 3,575, 2,118
    // and 1,415 µs of CPU per call in its first three runs after 15 s): they warm up twice as long.
    const warmupOf = (server: ServerProcess) => (server.runtime ? 2 : 1) * settings.warmupSeconds;
    log(`warming up each process for ${settings.warmupSeconds} s (other runtimes ${2 * settings.warmupSeconds} s) …`);
    for (const server of processes) {
      // `default` always runs (the users sign in through it) but --only may leave it nothing to measure.
      const first = variants.find((v) => v.process === server.id);
      if (!first) continue;
      proxy.delayMs = first.delayMs;
      for (const variant of variants.filter((v) => v.process === server.id && (v === first || v.tool !== first.tool))) {
        const seconds = variant === first ? warmupOf(server) : settings.settleSeconds * 2;
        const { value, upstream } = await on(server.id, () => loadOn(variant, seconds));
        check(variant, value);
        if (Object.keys(upstream).length > 0) log(`warm-up ${variant.id}: upstream ${JSON.stringify(upstream)}`);
      }
    }

    /** One measured run of `variant` (after `settle` unmeasured seconds), checked against the server's own counts. */
    const measure = async (variant: (typeof variants)[number], round: number): Promise<Measurement> => {
      proxy.delayMs = variant.delayMs;
      check(variant, (await on(variant.process, () => loadOn(variant, settings.settleSeconds))).value);
      const loadBefore = loadAverage();
      const server = servers.get(variant.process)!;
      const origin = new URL(server.mcpURL).origin;
      const countsBefore = unauthenticated(variant.process) ? undefined : await readServerCounts(origin);
      const cpu = () => sumDefined((server.pids ?? [server.pid]).map(cpuMicros));
      const cpuBefore = cpu();
      const { value: result, upstream } = await on(variant.process, () => loadOn(variant, settings.durationSeconds));
      const cpuAfter = cpu();
      check(variant, result);
      const counts = countsBefore && countsBetween(countsBefore, await readServerCounts(origin));
      const cpuMicrosPerCall = cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / result.requests;
      log(
        `round ${round} ${variant.id.padEnd(15)} ${result.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${result.p50Ms} ms  p99 ${result.p99Ms} ms  server CPU ${cpuMicrosPerCall?.toFixed(0) ?? "?"} µs/call  ${counts ? `cache ${counts.hits} hits / ${counts.misses} misses, ${counts.verifications} verifications  ` : ""}upstream ${JSON.stringify(upstream)}`,
      );
      const wrong = counts && contradiction(variant, counts, result.requests, settings.connections, tokenSets[variant.tokens].length);
      if (wrong) throw new Error(`bench: ${wrong} (round ${round}); its figures would not measure what the table says`);
      return { variant: variant.id, round, ...result, cpuMicrosPerCall, upstream, server: counts, loadAverage: loadBefore };
    };

    for (let round = 1; round <= settings.rounds; round++) {
      // Alternate the order (ABBA) so drift on a shared machine does not favour one variant.
      const order = round % 2 === 1 ? variants : [...variants].reverse();
      for (const variant of order) {
        const baselineId = variant.baseline ?? "no-auth";
        if (variant.id === baselineId) continue; // measured beside every variant it is the baseline of
        if (variant.tool !== "greet") {
          measurements.push(await measure(variant, round));
          continue;
        }
        // Each run's own baseline run, right before or after it (alternating by round): the
        // machine's speed drifts over tens of seconds, so a baseline measured a minute away
        // would put that drift into the ratio.
        const baseline = variants.find((v) => v.id === baselineId)!;
        const [first, second] = round % 2 === 1 ? [baseline, variant] : [variant, baseline];
        const a = await measure(first, round);
        const b = await measure(second, round);
        const [ofBaseline, ofVariant] = first === baseline ? [a, b] : [b, a];
        measurements.push(ofBaseline, { ...ofVariant, pairedBaselineRequestsPerSecond: ofBaseline.requestsPerSecond });
      }
    }
    proxy.delayMs = 0;

    for (const [id, server] of servers) {
      await server.stop();
      const record = records.get(id)!;
      record.lifeSeconds = Math.round((Date.now() - record.startedAt) / 1000);
    }
    servers.clear();
    const sets = await measureSets();

    const run: BenchRun = {
      startedAt: startedAt.toISOString(),
      wallSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
      machine,
      loadAverage: { start: loadAtStart, end: loadAverage() },
      settings: { ...settings, users: USERS.length, defaultTokenCacheEntries: DEFAULT_TOKEN_CACHE_ENTRIES, pinned: pinServer !== undefined },
      primitives,
      middleware,
      processes: [...records.values()],
      variants,
      measurements,
      sets,
    };
    const rows = summarize(run);
    const markdown = renderMarkdown(run, rows);
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(path.join(resultsDir, `${args.output}.json`), `${JSON.stringify(run, null, 2)}\n`);
    writeFileSync(path.join(resultsDir, `${args.output}.md`), markdown);
    writeFileSync(path.join(resultsDir, `${args.output}.svg`), renderChart(run));
    process.stdout.write(`\n${markdown}\n`);
    log(`written bench/results/${args.output}.{md,svg,json} in ${run.wallSeconds} s`);
    if (!only) await runFleetBench({ resultsDir, log });
  } finally {
    for (const server of servers.values()) await server.stop();
    await proxy.stop();
    await emulator.stop();
  }
}

/**
 * Each runtime's fresh-process sets with a control process, on which the targets are judged:
 * `bench/processes.ts` in a process of its own per runtime, after the long-lived servers have
 * stopped. All three runtimes without `--only`; with it, those it names as `sets-<runtime>`.
 */
async function measureSets(): Promise<SetsRun[]> {
  const runtimes = setRuntimes.filter((runtime) => settings.sets > 0 && (!only || only.includes(`sets-${runtime}`)));
  const dir = mkdtempSync(path.join(tmpdir(), "bench-sets-"));
  try {
    const results: SetsRun[] = [];
    for (const runtime of runtimes) {
      log(`fresh-process sets on ${runtime}: ${settings.sets} sets of four processes …`);
      const file = path.join(dir, `${runtime}.json`);
      const args = ["--runtime", runtime, "--control", "--sets", String(settings.sets), "--connections", String(settings.connections), "--settle", String(settings.settleSeconds), "--duration", String(settings.durationSeconds), "--json", file];
      const child = spawn(process.execPath, [...process.execArgv, path.join(benchDir, "processes.ts"), ...args], { cwd: repoRoot, stdio: ["ignore", "inherit", "inherit"] });
      const code = await new Promise<number | null>((resolve, reject) => child.once("error", reject).once("exit", resolve));
      if (code !== 0) throw new Error(`bench: the ${runtime} sets failed (exit ${code})`);
      results.push(JSON.parse(readFileSync(file, "utf8")) as SetsRun);
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The sum, or undefined if any term is (CPU time is readable on Linux only). */
function sumDefined(values: (number | undefined)[]): number | undefined {
  return values.some((v) => v === undefined) ? undefined : values.reduce<number>((total, v) => total + v!, 0);
}


function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

await main();
