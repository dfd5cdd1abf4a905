/**
 * The tables of the fresh-process sets (`bench/processes.ts`): its own results files, and the
 * per-target section of `npm run bench`'s `latest.md`, which judges the targets on them.
 */
import type { describeMachine } from "./machine.js";
import { median } from "./report.js";
import type { Runtime } from "./targets.js";

export interface Figures {
  requestsPerSecond: number;
  /** Server CPU per call: all threads, and the main thread alone (the rest is V8's GC and compiler threads, libuv's pool). */
  cpuMicrosPerCall: number;
  mainMicrosPerCall: number;
}

/** One set of fresh processes started together: each side's median over its measured runs. */
export interface SetFigures {
  set: number;
  none: Figures;
  hit: Figures;
  miss: Figures;
  /** With `--control`: a second process of the baseline's build. */
  control?: Figures;
}

/** What a run of sets was, for the text above its table. */
export interface SetsRun {
  runtime: "node" | Runtime;
  generatedAt: string;
  machine: ReturnType<typeof describeMachine>;
  loadAtStart: number;
  nodeOptions: string;
  warmup: number;
  settle: number;
  duration: number;
  connections: number;
  rounds: number;
  /** Whether each set's processes were loaded at the same time (absent in runs made before there was a choice: in turn). */
  together?: boolean;
  distinctTokens: number;
  sets: SetFigures[];
}

/** How the text names each runtime's server, and the heading of its table. */
export const runtimeNames: Record<SetsRun["runtime"], string> = {
  node: "the example on xmcp's Node server",
  workers: "the Cloudflare example (`wrangler dev`, workerd)",
  nextjs: "the Next.js example (`next start`)",
};
export const runtimeTitles: Record<SetsRun["runtime"], string> = {
  node: "Node (xmcp's server)",
  workers: "Cloudflare Workers (wrangler dev)",
  nextjs: "Next.js (next start)",
};
/** Every runtime the sets run on. */
export const setRuntimes = Object.keys(runtimeTitles) as SetsRun["runtime"][];

/**
 * What a process's throughput is compared on. In turn, a process has the core to itself and its
 * requests per second say it. Loaded together, processes split the core, and one whose GC threads
 * ran more took a larger share; the calls it served per second of its own CPU time are what it
 * would serve alone.
 */
export function throughput(figures: Figures, together: boolean | undefined): number {
  return together ? 1e6 / figures.cpuMicrosPerCall : figures.requestsPerSecond;
}

/** The unit {@link throughput} is in, for table headings. */
export function throughputUnit(together: boolean | undefined): string {
  return together ? "calls / CPU s" : "req/s";
}

/**
 * How processes loaded together were measured, in the words every results page uses: the sets
 * here, and `processes.ts`'s `--against` and `--in-process` pages. Follows "… and are" or "both".
 */
export function loadedTogether(m: { processes: number; warmup: number; rounds: number; settle: number; duration: number; connections: number }): string {
  return `loaded at the same time on the shared server core, so the machine's drift reaches them alike: warmed up together ${m.warmup * m.processes} s (${m.warmup} s of the core each), then measured together ${m.rounds} times (${m.settle} s unmeasured, ${m.duration} s measured, ${m.connections} connections each, \`tools/call\` of \`greet\`). A process is compared on the calls it served per second of its own CPU time (all threads), what it would serve with the core to itself; each figure is a process's median over the rounds.`;
}

/** Each set's throughput over its baseline's: hits, misses, and the control (undefined unless every set has one). */
function setRatios(run: SetsRun): { hit: number[]; miss: number[]; control: number[] | undefined } {
  const { sets, together } = run;
  const over = (pick: (s: SetFigures) => Figures | undefined) =>
    sets.flatMap((s) => (pick(s) ? [throughput(pick(s)!, together) / throughput(s.none, together)] : []));
  const control = over((s) => s.control);
  return { hit: over((s) => s.hit), miss: over((s) => s.miss), control: control.length === sets.length ? control : undefined };
}

/** Medians over the sets of each ratio the tables and the verdicts quote. */
export function setMedians(run: SetsRun): { hit: number; miss: number; control?: number } {
  const ratios = setRatios(run);
  return { hit: median(ratios.hit), miss: median(ratios.miss), ...(ratios.control ? { control: median(ratios.control) } : {}) };
}

/** The table of `run` and its medians, under a heading of `level` (`#` for a file of its own). */
export function renderSets(run: SetsRun, options: { level: string; title: string; command: string; readme: string }): string {
  const { sets, together } = run;
  const ratios = setRatios(run);
  const missOverHit = sets.map((p) => throughput(p.miss, together) / throughput(p.hit, together));
  const adds = { all: sets.map((p) => p.miss.cpuMicrosPerCall - p.hit.cpuMicrosPerCall), main: sets.map((p) => p.miss.mainMicrosPerCall - p.hit.mainMicrosPerCall) };
  const f0 = (n: number) => n.toFixed(0);
  const f3 = (n: number) => n.toFixed(3);
  const range = (values: number[], digits: (n: number) => string) => `${digits(Math.min(...values))} to ${digits(Math.max(...values))}`;
  const controls = ratios.control ?? [];
  const withControl = ratios.control !== undefined;
  const unit = throughputUnit(together);
  const count = withControl ? "four" : "three";
  const setsOf = (n: number) => `${n} set${n === 1 ? "" : "s"}`;
  const rows = sets.map(
    (p, i) =>
      `| ${p.set} | ${f0(throughput(p.none, together))} | ${f0(throughput(p.hit, together))} | ${f0(throughput(p.miss, together))} | ${f3(ratios.hit[i]!)} | ${f3(ratios.miss[i]!)} | ${f3(missOverHit[i]!)} | ${f0(p.none.cpuMicrosPerCall)} / ${f0(p.hit.cpuMicrosPerCall)} / ${f0(p.miss.cpuMicrosPerCall)} | ${f0(adds.all[i]!)} (${f0(adds.main[i]!)}) |${withControl ? ` ${f3(controls[i]!)} |` : ""}`,
  );
  // How far apart two processes of one build land here: a ratio within this distance of its target is not decided.
  const controlLine = withControl
    ? ` **Control:** a second process of the baseline's build ran at **${f3(median(controls))} ×** the baseline (sets ${range(controls, f3)}); a ratio that far from 1 comes from the machine, not the code.`
    : "";
  return [
    `${options.level} ${options.title}`,
    "",
    `Generated by \`${options.command}\` on ${run.generatedAt}: ${run.machine.cpu}, ${run.machine.cores} cores, Node ${run.machine.node}, load average ${run.loadAtStart} at start; ${run.nodeOptions ? `servers run with NODE_OPTIONS=${run.nodeOptions}; ` : ""}each server pinned to the last core. ${setsOf(sets.length)} of ${count} fresh processes, started together: ${runtimeNames[run.runtime]} with nothing in front of \`/mcp\` (no auth), the same with the provider's defaults for the hits, another for the misses${withControl ? ", and a second no-auth process of the baseline's build (the control)" : ""}. ${
      together
        ? `All ${count} are ${loadedTogether({ ...run, processes: withControl ? 4 : 3 })}`
        : `Each process is warmed up ${run.warmup} s, then the ${count} are measured in turn ${run.rounds} times (${run.settle} s unmeasured, ${run.duration} s measured, ${run.connections} connections, \`tools/call\` of \`greet\`), the order following a Williams design (every process once in every place and once right after every other, each set starting one round further into it); each figure is a process's median.`
    } Hits: one real token repeated, every request a verified-token cache hit. Misses: ${run.distinctTokens.toLocaleString("en")} distinct tokens round-robin, every request a miss. The server's own counts confirmed every authenticated run. How to read it: [bench/README.md](${options.readme}).`,
    "",
    `| set | no auth: ${unit} | hits: ${unit} | misses: ${unit} | hits × no auth | misses × no auth | misses × hits | server CPU µs / call: no auth / hits / misses | a miss adds over a hit, µs (main thread) |${withControl ? " control × no auth |" : ""}`,
    `|---:|---:|---:|---:|---:|---:|---:|---|---|${withControl ? "---:|" : ""}`,
    ...rows,
    "",
    `**Medians over ${setsOf(sets.length)}:** a repeated token runs at **${f3(median(ratios.hit))} ×** the no-auth throughput (sets ${range(ratios.hit, f3)}), distinct tokens at **${f3(median(ratios.miss))} ×** (${range(ratios.miss, f3)}). Misses run at **${f3(median(missOverHit))} ×** the throughput of hits, and a miss adds **${f0(median(adds.all))} µs** of server CPU over a hit (${range(adds.all, f0)}), **${f0(median(adds.main))} µs** of it on the main thread; the rest is in the processes' other threads (V8's concurrent GC and compiler, libuv's pool).${controlLine}`,
    "",
  ].join("\n");
}
