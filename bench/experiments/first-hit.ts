/**
 * Does the provider's first request turn on something that costs the whole process? One fresh
 * process of the in-process build (`/mcp` without a token skips the provider) serves requests
 * without a token, then a repeated token (every request a cache hit), then requests without a
 * token again. If the hit path leaves a process-wide cost behind (a hook, a deoptimised shared
 * function), the second no-token runs cost more CPU per call than the first, although the
 * process has only warmed up further in between.
 *
 * node --experimental-transform-types --import ./bench/ts-imports.mjs bench/experiments/first-hit.ts [processes]
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator } from "../../packages/authkit-emulator/dist/index.js";
import { startExampleServer } from "../../examples/workos-http/test/helpers/example-server.js";
import { buildExampleCopy } from "../../examples/workos-http/test/helpers/example-build.js";
import { buildBenchApps, inProcessFiles } from "../apps.js";
import { runLoad, TokenRotation } from "../load.js";
import { pinProcesses, threadCpuMicros } from "../machine.js";
import { median } from "../report.js";
import { contradiction, countsBetween, lookupsWithoutToken, readServerCounts } from "../server-counts.js";
import { signInUsers } from "../tokens.js";
import { processes, variants } from "../variants.js";

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const count = Number(process.argv[2] ?? 4);
const log = (line: string) => process.stderr.write(`[first-hit] ${line}\n`);
// The main run's repeated-token variant: what the server must count for a run of hits.
const repeated = variants.find((v) => v.id === "repeated")!;

const builds = await buildBenchApps(processes.filter((p) => p.id === "default"), { minify: true, buildRoot: path.join(benchDir, ".build", "first-hit") });
const port = builds.get("default")!.port;
const inProcess = buildExampleCopy({ buildDir: path.join(benchDir, ".build", "first-hit", "in-process"), port, replace: inProcessFiles() });
const emulator = await startEmulator({ port: 0, accessTokenTtl: 3600 });
const env = { BASE_URL: `http://127.0.0.1:${port}` };
const pin = pinProcesses(process.pid);

// The in-process build lets requests without a token through, so an MCP client meets no challenge there: sign in on the default build.
const signing = await startExampleServer(emulator.url, env, builds.get("default")!);
const [token] = [...(await signInUsers(signing.mcpURL, [{ email: "alice@acme.test", organization: "Acme" }])).values()];
await signing.stop();

const none = new TokenRotation([]);
const hit = new TokenRotation([token!]);
const rows: { before: number; hits: number; after: number }[] = [];
for (let n = 1; n <= count; n++) {
  const server = await startExampleServer(emulator.url, env, inProcess);
  pin?.(server.pid);
  const origin = new URL(server.mcpURL).origin;
  const cpu = () => {
    const t = threadCpuMicros(server.pid)!;
    return t.main + t.others;
  };
  const measure = async (tokens: TokenRotation, runs: number, label: string) => {
    const perCall: number[] = [];
    for (let run = 0; run < runs; run++) {
      await runLoad({ mcpURL: server.mcpURL, tool: "greet", tokens, connections: 20, durationSeconds: 2 });
      const counts = await readServerCounts(origin);
      const before = cpu();
      const result = await runLoad({ mcpURL: server.mcpURL, tool: "greet", tokens, connections: 20, durationSeconds: 4 });
      const used = countsBetween(counts, await readServerCounts(origin));
      if (result.failures > 0) throw new Error(`${result.failures} failed calls`);
      const wrong = tokens === hit ? contradiction(repeated, used, result.requests, 20) : lookupsWithoutToken(used);
      if (wrong) throw new Error(`${label}: ${wrong}`);
      perCall.push((cpu() - before) / result.requests);
      log(`process ${n} ${label.padEnd(6)} ${result.requestsPerSecond.toFixed(0)} req/s  ${perCall.at(-1)!.toFixed(0)} µs CPU/call`);
    }
    return median(perCall);
  };
  await runLoad({ mcpURL: server.mcpURL, tool: "greet", tokens: none, connections: 20, durationSeconds: 20 });
  const before = await measure(none, 4, "before");
  const hits = await measure(hit, 4, "hits");
  const after = await measure(none, 4, "after");
  rows.push({ before, hits, after });
  await server.stop();
}
await emulator.stop();

process.stdout.write(
  [
    "| process | no token, before any hit: µs CPU / call | hits | no token, after the hits | after − before |",
    "|---:|---:|---:|---:|---:|",
    ...rows.map((r, i) => `| ${i + 1} | ${r.before.toFixed(0)} | ${r.hits.toFixed(0)} | ${r.after.toFixed(0)} | ${(r.after - r.before).toFixed(0)} |`),
    "",
    `Median after − before: ${median(rows.map((r) => r.after - r.before)).toFixed(0)} µs; hits − after: ${median(rows.map((r) => r.hits - r.after)).toFixed(0)} µs.`,
    "",
  ].join("\n"),
);
