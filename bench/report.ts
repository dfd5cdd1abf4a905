import { renderBarChart } from "./bar-chart.js";
import type { Machine, PrimitiveCosts } from "./machine.js";
import type { MiddlewareCosts } from "./middleware-cost.js";
import type { ServerCounts } from "./server-counts.js";
import { renderSets, runtimeTitles, setMedians, type SetsRun } from "./sets-report.js";
import { targets, unauthenticated, type ServerProcess, type Variant } from "./variants.js";

/** One measured run of one variant in one round (one server process). */
export interface Measurement {
  variant: string;
  round: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  failures: number;
  /** CPU time the server process (all threads) used per call during the run; Linux only. */
  cpuMicrosPerCall: number | undefined;
  /** Requests that reached the proxy in front of the emulator during this measured run, by path. */
  upstream: Record<string, number>;
  /** What the server's provider counted during the run (`stats()`); absent for the no-auth processes. */
  server?: ServerCounts | undefined;
  loadAverage: number;
  /** Throughput of the baseline run measured right before or after this one: the pair its paired ratio divides. */
  pairedBaselineRequestsPerSecond?: number;
}

/** One server process (one build) and everything it sent upstream in its life. */
export interface ProcessRecord {
  id: string;
  cache: Record<string, unknown> | undefined;
  startedAt: number;
  lifeSeconds: number;
  upstream: Record<string, number>;
}

export interface BenchRun {
  startedAt: string;
  wallSeconds: number;
  machine: Machine;
  loadAverage: { start: number; end: number };
  settings: {
    durationSeconds: number;
    settleSeconds: number;
    warmupSeconds: number;
    rounds: number;
    connections: number;
    distinctTokens: number;
    defaultTokenCacheEntries: number;
    users: number;
    pinned: boolean;
  };
  primitives: PrimitiveCosts;
  middleware: MiddlewareCosts;
  processes: ProcessRecord[];
  variants: Variant[];
  measurements: Measurement[];
  /** Each runtime's fresh-process sets (bench/processes.ts), on which the targets are judged. */
  sets: SetsRun[];
}

export interface Row {
  variant: Variant;
  requestsPerSecond: number;
  perRound: number[];
  p50Ms: number;
  p99Ms: number;
  cpuMicrosPerCall: number;
  /** Median throughput over the no-auth baseline's median; only for `greet`, the tool the baseline runs. */
  ratio: number | undefined;
  /**
   * Each run's throughput over its own baseline run's, measured right before or after it, and
   * their median: the two ran seconds apart, so drift of the shared machine cancels out.
   */
  pairedRatios: number[];
  pairedRatio: number | undefined;
  /** What the server counted over all measured runs; undefined for the no-auth processes. */
  server: ServerCounts | undefined;
  /** JWKS fetches during this variant's measured runs, and over its server process's whole life. */
  jwksInRuns: number;
  jwksPerProcess: number;
  /** WorkOS API requests during the measured runs, and over the process's life. */
  apiInRuns: number;
  apiPerProcess: number;
  /** Over the process's life: users whose profile was fetched, and the most fetches for one user. */
  users: number;
  maxPerUser: number;
  lifeSeconds: number;
}

const JWKS_PATH = "/oauth2/jwks";

export function summarize(run: BenchRun): Row[] {
  return run.variants.map((variant) => {
    // Each runtime's rows are over its own baseline (the same example with nothing in front of /mcp).
    const baselineRuns = run.measurements.filter((m) => m.variant === (variant.baseline ?? "no-auth"));
    const baseline = median(baselineRuns.map((m) => m.requestsPerSecond));
    const baselineInRound = new Map(baselineRuns.map((m) => [m.round, m.requestsPerSecond]));
    const runs = run.measurements.filter((m) => m.variant === variant.id).sort((a, b) => a.round - b.round);
    const life = run.processes.find((p) => p.id === variant.process)!;
    const requestsPerSecond = median(runs.map((m) => m.requestsPerSecond));
    const greet = variant.tool === "greet";
    const ratio = greet ? requestsPerSecond / baseline : undefined;
    const isBaseline = variant.id === (variant.baseline ?? "no-auth");
    // Runs saved before each run had its own baseline run were paired with the round's one.
    const pairedRatios = !greet
      ? []
      : runs.map((m) => (isBaseline ? 1 : m.requestsPerSecond / (m.pairedBaselineRequestsPerSecond ?? baselineInRound.get(m.round) ?? Number.NaN)));
    const pairedRatio = greet ? median(pairedRatios) : undefined;
    const counted = runs.flatMap((m) => (m.server ? [m.server] : []));
    const lifeApi = apiCalls(life.upstream);
    return {
      variant,
      requestsPerSecond,
      perRound: byRound(runs, (m) => m.requestsPerSecond),
      p50Ms: median(runs.map((m) => m.p50Ms)),
      p99Ms: median(runs.map((m) => m.p99Ms)),
      cpuMicrosPerCall: median(runs.flatMap((m) => (m.cpuMicrosPerCall === undefined ? [] : [m.cpuMicrosPerCall]))),
      ratio,
      pairedRatios,
      pairedRatio,
      server: counted.length
        ? { hits: sum(counted.map((c) => c.hits)), misses: sum(counted.map((c) => c.misses)), verifications: sum(counted.map((c) => c.verifications)) }
        : undefined,
      jwksInRuns: sum(runs.map((m) => m.upstream[JWKS_PATH] ?? 0)),
      jwksPerProcess: life.upstream[JWKS_PATH] ?? 0,
      apiInRuns: sum(runs.map((m) => sum(apiCalls(m.upstream).map(([, n]) => n)))),
      apiPerProcess: sum(lifeApi.map(([, n]) => n)),
      users: lifeApi.filter(([path]) => path.startsWith(USERS_PATH)).length,
      maxPerUser: Math.max(0, ...lifeApi.filter(([path]) => path.startsWith(USERS_PATH)).map(([, n]) => n)),
      lifeSeconds: life.lifeSeconds,
    };
  });
}

const USERS_PATH = "/user_management/users/";

/** WorkOS API requests by path: whatever reached the proxy that is not AuthKit's OAuth surface. */
function apiCalls(upstream: Record<string, number>): [string, number][] {
  return Object.entries(upstream).filter(([path]) => !/^\/(oauth2|login|\.well-known)(\/|$)/.test(path));
}

export function renderMarkdown(run: BenchRun, rows: Row[]): string {
  const { machine, settings } = run;
  const byId = new Map(rows.map((row) => [row.variant.id, row]));
  const lines = [
    "# @xmcp-dev/workos benchmark: latest run",
    "",
    `Generated by \`npm run bench\` on ${run.startedAt} (${run.wallSeconds} s wall time). How to read it: [bench/README.md](../README.md).`,
    "",
    `**Machine:** ${machine.cpu}, ${machine.cores} cores, ${machine.os}, Node ${machine.node}. ${settings.pinned ? `The server under test was pinned to core ${machine.cores - 1} (\`taskset\`), the load generator (autocannon 9), emulator and proxy to the other core(s)` : "The server under test, the load generator (autocannon 9), the emulator and the proxy share these cores"}, all on 127.0.0.1. Load average (1 min): ${run.loadAverage.start} at start, ${run.loadAverage.end} at the end.`,
    "",
    ...renderTargets(run),
    "## Long-lived processes",
    "",
    `**Workload:** MCP \`tools/call\` over Streamable HTTP (xmcp 1.1.3 serves \`/mcp\` statelessly: each POST is self-contained, no session), ${settings.connections} connections. One long-lived server process per build, warmed up for ${settings.warmupSeconds} s; then ${settings.rounds} rounds in alternating order (ABBA), each run ${settings.settleSeconds} s unmeasured then ${settings.durationSeconds} s measured. Every run of a \`greet\` variant is paired with a run of its baseline right before it (odd rounds) or right after it (even rounds), so the baseline runs once per such variant per round. Figures are medians over rounds (the baseline's per round: the median of its runs in that round). Every response was checked (status and tool result): no failed call.`,
    "",
    "| Variant | AuthKit / WorkOS API | Tool | req/s (median) | req/s per round | p50 ms | p99 ms | server CPU µs / call | × no auth (medians) | × no auth, paired: median (per round) | server-counted token cache hits / misses (verifications) | JWKS fetches: these runs / process life | WorkOS API calls: these runs / process life |",
    "|---|---|---|---:|---|---:|---:|---:|---:|---|---|---|---|",
    ...rows.map((row) => {
      const v = row.variant;
      const cells = [
        unauthenticated(v.process) ? `**${v.label}**` : `@xmcp-dev/workos, ${v.label}`,
        unauthenticated(v.process) ? "not used" : v.delayMs ? `${v.delayMs} ms away` : "loopback",
        `\`${v.tool}\``,
        fixed(row.requestsPerSecond, 0),
        row.perRound.map((n) => fixed(n, 0)).join(", "),
        fixed(row.p50Ms, 0),
        fixed(row.p99Ms, 0),
        fixed(row.cpuMicrosPerCall, 0),
        row.ratio === undefined ? "n/a" : fixed(row.ratio, 3),
        row.pairedRatio === undefined ? "n/a" : `**${fixed(row.pairedRatio, 3)}** (${row.pairedRatios.map((r) => fixed(r, 3)).join(", ")})`,
        row.server ? `${row.server.hits} / ${row.server.misses} (${row.server.verifications})` : "n/a",
        unauthenticated(v.process) ? "n/a" : `${row.jwksInRuns} / ${row.jwksPerProcess}`,
        unauthenticated(v.process) ? "n/a" : `${row.apiInRuns} / ${row.apiPerProcess}`,
      ];
      return `| ${cells.join(" | ")} |`;
    }),
    "",
    "Server processes (one build each; \"default\" and \"repeated\" run the example's `src/middleware.ts` with its defaults, plus the bench's route that answers `provider.stats()`):",
    "",
    "| Process | `cache` option | Life | JWKS fetches | WorkOS API calls |",
    "|---|---|---:|---:|---|",
    ...run.processes.map((p) => {
      const api = apiCalls(p.upstream);
      const users = api.filter(([path]) => path.startsWith(USERS_PATH));
      const detail = users.length ? ` (getUser: ${users.length} users, ${users.map(([, n]) => n).join("/")} each)` : "";
      return `| ${p.id} | ${unauthenticated(p.id as ServerProcess["id"]) ? "no provider" : p.cache ? `\`${JSON.stringify(p.cache)}\`` : "defaults"} | ${p.lifeSeconds} s | ${unauthenticated(p.id as ServerProcess["id"]) ? "n/a" : (p.upstream[JWKS_PATH] ?? 0)} | ${sum(api.map(([, n]) => n))}${detail} |`;
    }),
    "",
    "## Notes",
    "",
    ...notes(run, byId),
    "",
  ];
  return lines.join("\n");
}

function notes(run: BenchRun, rows: Map<string, Row>): string[] {
  const { settings, primitives } = run;
  const micros = (rps: number) => 1e6 / rps;
  const base = rows.get("no-auth")!;
  const repeated = rows.get("repeated");
  const distinct = rows.get("distinct");
  const cacheOff = rows.get("cache-off");
  const out = [
    `- **Tokens.** ${settings.users} seeded users signed in for real: the official MCP client met the 401, discovered the emulator, registered (DCR), the user submitted the emulator's HTML forms, and the client exchanged the code (PKCE). The repeated-token and \`whoami\` variants send those tokens. The distinct-token variant sends ${settings.distinctTokens.toLocaleString("en")} tokens issued by the emulator's test-token kit (\`emulator.issueAccessToken\`) for the same users, organizations, scopes and audience: each its own session and \`jti\`, signed by the emulator like any token. Signing in that many times through the OAuth flow would take minutes.`,
    `- **Every distinct-token request is a cache miss, and the server says so.** The set is sent round-robin, and the position in it carries over from run to run and round to round (warm-up included), so a token comes back only after ${settings.distinctTokens.toLocaleString("en")} others, more than the verified-token cache holds (${settings.defaultTokenCacheEntries.toLocaleString("en")} entries by default, least recently used out): it has always been evicted by then. The "server-counted" column is the provider's own \`stats()\` read before and after each measured run; a variant whose counts contradict its label (a hit in a miss variant, a miss in a hit variant, fewer counted requests than answered) stops the run. "Token cache disabled" is \`cache: { tokens: false }\`: the same verification on every request, without hashing or cache upkeep. Runs before this check existed restarted the rotation at the first token on every run, so each 4 s run sent only the first few thousand tokens, which were all cached after the first run: those "distinct" figures (0.986 × no auth) measured mostly cache hits.`,
  ];
  if (repeated && distinct && cacheOff) {
    // Server CPU per call is the steadier measure (other processes' noise is not in it); 1 / req/s otherwise.
    const cost = (row: Row) => (Number.isFinite(row.cpuMicrosPerCall) ? row.cpuMicrosPerCall : micros(row.requestsPerSecond));
    const measure = Number.isFinite(base.cpuMicrosPerCall) ? "server CPU per call" : "1 / throughput";
    const hit = cost(repeated) - cost(base);
    const miss = cost(distinct) - cost(base);
    const off = cost(cacheOff) - cost(base);
    const { hitMicros, missMicros } = run.middleware;
    const predict = (extra: number) => fixed(cost(base) / (cost(base) + extra), 3);
    out.push(
      `- **Where the time goes** (${measure}). Without auth a \`tools/call\` costs ${fixed(cost(base), 0)} µs: xmcp's stateless transport builds a fresh MCP server and transport and registers every tool for each POST. Over that, a cache hit adds ${fixed(hit, 0)} µs (SHA-256 of the token, measured at ${fixed(primitives.hashMicros, 1)} µs, a Map lookup, the request context), a miss ${fixed(miss, 0)} µs, no token cache ${fixed(off, 0)} µs. These differences carry the spread of the rounds and of the processes${Math.min(hit, miss, off) < 0 ? " (a negative one means that process ran faster than the baseline's: see the control row)" : ""}. Measured alone in the bench process, without xmcp or HTTP (20 requests in flight, CPU time of every thread, the provider's own counters confirming each figure), one request through the plugin's middleware costs ${fixed(hitMicros, 1)} µs on a cache hit and ${fixed(missMicros, 0)} µs on a miss with the cache full and evicting. The signature check inside a miss: ${fixed(primitives.nodeVerifyMicros, 0)} µs with Node's \`crypto.verify\` on the key jose imported (the Node entry point's verifier), against ${fixed(primitives.verifyMicros, 0)} µs for jose's WebCrypto \`jwtVerify\` as a whole (the web entry point's). Against ${fixed(cost(base), 0)} µs per call it predicts about ${predict(hitMicros)} × no auth with a repeated token and about ${predict(missMicros)} × with distinct tokens.`,
    );
  }
  const cached = [...rows.values()].filter((r) => ["default", "repeated", "token-cache-off"].includes(r.variant.process));
  out.push(
    `- **JWKS.** With the JWKS cache on, ${Math.max(...cached.map((r) => r.jwksPerProcess)) === 0 ? "each server process fetched the key set while it started, before this run attributed requests to processes," : `each server process fetched the key set at most ${Math.max(...cached.map((r) => r.jwksPerProcess))} time(s) in its whole life (one signing key)`} and ${sum(cached.map((r) => r.jwksInRuns))} times during all measured runs together, whatever the number of requests or distinct tokens: no JWKS fetch per request.${Math.max(...cached.map((r) => r.jwksPerProcess)) > 1 ? " Counts are attributed by time to the process under load, so a second fetch outside the measured runs may belong to a neighbour; signing the same users in against a lone server fetches once." : ""}`,
    ...(rows.get("workers-repeated")
      ? [
          `- **JWKS on Workers.** The Workers process fetched the key set ${rows.get("workers-repeated")!.jwksPerProcess} time(s) in its life and ${sum(["workers-repeated", "workers-distinct"].map((id) => rows.get(id)?.jwksInRuns ?? 0))} times during the measured runs. Workers allow no I/O outside a request, so no fetch starts when the isolate loads, and on Workers jose does not share one in-flight fetch among requests (workerd refuses to let one request wait on another's I/O): each request of the isolate's first concurrent burst (${settings.connections} connections here) fetched once, then the set was held.`,
        ]
      : []),
    `- **"20 ms away".** During those rows the proxy delays every request to the emulator (JWKS and WorkOS API) by 20 ms. They run on the same warmed processes as the loopback rows, whose key set is already cached, so the delay never reaches the request path and the rows match the loopback ones within noise: that is what the caches are for.`,
  );
  const noCaches = rows.get("no-caches-20ms");
  if (noCaches) {
    out.push(
      `- **What caching saves.** With both caches off (\`cache: { tokens: false, jwks: { cacheMaxAgeMs: 0 } }\`) each verification waits for a fresh JWKS: ${noCaches.jwksInRuns.toLocaleString("en")} fetches in ${settings.rounds} × ${settings.durationSeconds} s (jose shares one in-flight fetch among concurrent requests), ${fixed(noCaches.requestsPerSecond, 0)} req/s at p50 ${fixed(noCaches.p50Ms, 0)} ms, against ${fixed(rows.get("cache-off-20ms")?.requestsPerSecond ?? Number.NaN, 0)} req/s with only the JWKS cached and ${fixed(rows.get("repeated-20ms")?.requestsPerSecond ?? Number.NaN, 0)} req/s with both caches on.`,
    );
  }
  const whoami = rows.get("whoami");
  if (whoami) {
    const ttlWindows = Math.ceil(whoami.lifeSeconds / 60);
    out.push(
      `- **WorkOS API.** \`whoami\` calls \`getUser()\`, cached per user for 60 s (\`cache.users.ttlSeconds\`, default); concurrent first calls share one request. The default process lived ${whoami.lifeSeconds} s (${ttlWindows} TTL periods at most) and fetched ${whoami.users} users at most ${whoami.maxPerUser} time(s) each, so ≤ 1 call per user per TTL ${whoami.maxPerUser <= ttlWindows ? "held" : "did NOT hold"}. \`greet\` never calls the API.`,
    );
  }
  const control = rows.get("no-auth-control");
  if (repeated && distinct) {
    const perRound = (id: string) => byRound(run.measurements.filter((m) => m.variant === id), (m) => m.cpuMicrosPerCall ?? Number.NaN).map((v) => fixed(v, 0));
    const { hitMicros, missMicros } = run.middleware;
    const cost = Number.isFinite(base.cpuMicrosPerCall) ? base.cpuMicrosPerCall : micros(base.requestsPerSecond);
    const predicted = { repeated: cost / (cost + hitMicros), distinct: cost / (cost + missMicros) };
    const percent = (ratio: number) => `${fixed(Math.abs(1 - ratio) * 100, 0)} %`;
    // Two processes of one build differ by this much in this run; a gap no larger is not the plugin's.
    const spread = control?.pairedRatio;
    const sameProcess = [repeated, rows.get("repeated-20ms")].flatMap((row) => (row?.pairedRatio === undefined ? [] : [row.pairedRatio]));
    out.push(
      `- **Resolution of these rows.** The targets are judged on the fresh-process sets above, not here. ${
        spread === undefined
          ? ""
          : `The control, a second process running exactly the baseline's build, came out at ${fixed(spread, 3)} × the baseline (paired median; ${fixed(control?.ratio ?? Number.NaN, 3)} as a ratio of medians), ${percent(spread)} apart with no code difference at all${
              sameProcess.length > 1 ? `, and the repeated-token rows, one process, loopback and "20 ms away" (which changes nothing on its request path), came out at ${sameProcess.map((r) => fixed(r, 3)).join(" and ")}` : ""
            }: a ratio in this table within that distance of another is not decided by it. `
      }The plugin's own per-request work, measured alone, predicts at least ${fixed(predicted.repeated, 3)} with a repeated token and ${fixed(predicted.distinct, 3)} with distinct ones. Server CPU per call by round: ${perRound("no-auth").join(", ")} µs (baseline), ${control ? `${perRound("no-auth-control").join(", ")} µs (control), ` : ""}${perRound("repeated").join(", ")} µs (repeated token), ${perRound("distinct").join(", ")} µs (distinct tokens). Why long-lived processes settle apart, and what was ruled out with A/B runs of otherwise identical builds and CPU profiles of both servers: bench/README.md, "Why a ratio can miss".`,
    );
  }
  out.push(
    `- **Noise.** Two shared cores run everything, and the server itself uses more than one thread (V8's GC and compiler threads share its core), so runs of the same variant differ by several percent (see "req/s per round"), and two processes of the same build can differ by more than that for the whole run; the control row measures it. Compare ratios within one table, not absolute req/s across machines.`,
  );
  return out;
}

/**
 * Each runtime's medians over its sets, one per kind of token it measured, with its target and
 * whether it was reached (`met` is undefined for a kind without a target). The targets table and
 * the chart both read this, so a bar and its row cannot disagree.
 */
function verdicts(run: BenchRun): { sets: SetsRun; kind: "hit" | "miss"; ratio: number; target: number | undefined; control: number | undefined; met: boolean | undefined }[] {
  return run.sets.flatMap((sets) => {
    const medians = setMedians(sets);
    return (["hit", "miss"] as const).flatMap((kind) => {
      const ratio = medians[kind];
      const target = targets[sets.runtime][kind];
      return [{ sets, kind, ratio, target, control: medians.control, met: target === undefined ? undefined : ratio >= target }];
    });
  });
}

/** The section that judges the targets: a verdict per target, then each runtime's sets. */
function renderTargets(run: BenchRun): string[] {
  if (run.sets.length === 0) return ["## Targets", "", "Not judged: this run measured no fresh-process sets (`--sets 0` or `--only`).", ""];
  const f3 = (n: number) => n.toFixed(3);
  const label = { hit: "one token, repeated (every request a cache hit)", miss: "distinct tokens (every request a miss)" };
  return [
    "## Targets, judged on fresh processes",
    "",
    `Each runtime's example was measured on sets of fresh processes started together (\`bench/processes.ts\`, as \`npm run bench:processes\` runs it): without the plugin, with it for one repeated token, with it for distinct tokens, and a second process without it (the control), loaded at the same time on the shared server core (unless a section below says they took turns) and compared on calls per second of their own CPU time. The control says how far apart two processes of the same code land on this machine in that run: a ratio within that distance of its target is not decided. How to read it: [bench/README.md](../README.md#fresh-processes).`,
    "",
    "| Runtime | Tokens | × no auth (median of sets) | control × no auth | Target | Verdict |",
    "|---|---|---:|---:|---:|---|",
    ...verdicts(run).flatMap((v) =>
      v.target === undefined
        ? []
        : [`| ${runtimeTitles[v.sets.runtime]} | ${label[v.kind]} | **${f3(v.ratio)}** | ${v.control === undefined ? "n/a" : f3(v.control)} | ≥ ${v.target.toFixed(2)} | ${v.met ? "✅ met" : "❌ missed"} |`],
    ),
    "",
    ...run.sets.map((sets) =>
      renderSets(sets, {
        level: "###",
        title: runtimeTitles[sets.runtime],
        command: `npm run bench:processes -- --control${sets.runtime === "node" ? "" : ` --runtime ${sets.runtime}`}`,
        readme: "../README.md#fresh-processes",
      }),
    ),
  ];
}

/** Horizontal bars: each runtime's medians over its sets, relative to no auth, with the targets drawn as lines. */
export function renderChart(run: BenchRun): string {
  const color = { met: "#2e7d32", missed: "#c62828", control: "#546e7a", none: "#78909c" };
  const name = { hit: "repeated token", miss: "distinct tokens" };
  const all = verdicts(run);
  const bars = run.sets.flatMap((sets) => {
    const control = setMedians(sets).control;
    return [
      ...all
        .filter((v) => v.sets === sets)
        .map((v) => ({
          label: `${runtimeTitles[sets.runtime]}: ${name[v.kind]}`,
          value: v.ratio,
          text: v.ratio.toFixed(3),
          color: v.met === undefined ? color.none : v.met ? color.met : color.missed,
        })),
      ...(control === undefined ? [] : [{ label: `${runtimeTitles[sets.runtime]}: no auth, control process`, value: control, text: control.toFixed(3), color: color.control }]),
    ];
  });
  const minimums = [...new Set(Object.values(targets).flatMap((t) => [t.hit, ...(t.miss === undefined ? [] : [t.miss])]))].sort();
  return renderBarChart({
    title: "tools/call throughput relative to the same app without auth (median of each runtime's fresh-process sets)",
    subtitle: `${run.machine.cpu}, ${run.machine.cores} cores, Node ${run.machine.node}, ${run.settings.connections} connections, ${run.startedAt.slice(0, 10)}`,
    bars,
    markers: minimums.map((value) => ({ value, label: `${value.toFixed(2)} target` })),
    legend: "green: target met · red: target missed · grey: no target · slate: control",
    minimumMax: 1.1,
    tickStep: 0.25,
    formatTick: (ratio) => ratio.toFixed(2),
  });
}


export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "n/a";
}


function sum(values: number[]): number {
  return values.reduce((total, n) => total + n, 0);
}

/** One figure per round: the median of `value` over that round's runs (the baseline runs several times a round). */
function byRound(runs: readonly Measurement[], value: (m: Measurement) => number): number[] {
  const rounds = [...new Set(runs.map((m) => m.round))].sort((a, b) => a - b);
  return rounds.map((round) => median(runs.filter((m) => m.round === round).map(value)));
}
