import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startWorker } from "../examples/workos-cloudflare/test/helpers/wrangler-dev.js";
import { startNextApp } from "../examples/workos-nextjs/test/helpers/next-start.js";
import { freePort } from "../e2e/helpers/free-port.js";
import type { ExampleServer } from "../examples/workos-http/test/helpers/example-server.js";
import { greetEitherWay, greetWithoutSession, STATS_PATH } from "./apps.js";

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(benchDir, "..");
const toolsDir = path.join(repoRoot, "examples/workos-http/src/tools");

/** The runtimes besides xmcp's own Node server that the benchmark measures. */
export type Runtime = "workers" | "nextjs";
/** `inProcess` (Next.js only): one build serving both sides of `bench:processes --in-process`. */
export type App = "noAuth" | "workos" | "inProcess";

/** A built copy of an example for one runtime: a directory that `wrangler dev` or `next start` serves. */
export interface RuntimeBuild {
  runtime: Runtime;
  dir: string;
}

/**
 * One build per runtime and app (the port is chosen when the server starts, not when it is built,
 * so a control twin shares its baseline's build) into `bench/.build/`. The baseline is the same
 * example with nothing in front of `/mcp`: xmcp's generated Worker as the Worker entry, or
 * `xmcpHandler` as the route, and `greet` without `getSession()`. The authenticated build is the
 * example as shipped plus a route answering the provider's `stats()` at {@link STATS_PATH}; the
 * baseline answers that path too (with nothing), so both run behind the same bench-only route.
 */
export function buildRuntimeApp(runtime: Runtime, app: App): RuntimeBuild {
  const example = path.join(repoRoot, "examples", runtime === "workers" ? "workos-cloudflare" : "workos-nextjs");
  const dir = path.join(benchDir, ".build", `${runtime}-${app}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(example)) {
    if (["test", "node_modules", "README.md", "src", "tsconfig.json"].includes(entry) || entry.startsWith(".") || entry.endsWith(".d.ts")) continue;
    if (entry === "worker.js") continue;
    cpSync(path.join(example, entry), path.join(dir, entry), { recursive: true });
  }
  cpSync(path.join(example, "src"), path.join(dir, "src"), { recursive: true, dereference: true, filter: (source) => !source.endsWith("/src/tools") });
  cpSync(toolsDir, path.join(dir, "src/tools"), { recursive: true });
  if (runtime === "workers") cpSync(path.join(example, "worker.d.ts"), path.join(dir, "worker.d.ts"));
  // The examples' tsconfig extends the repository's by a path relative to examples/<name>.
  const tsconfig = JSON.parse(readFileSync(path.join(example, "tsconfig.json"), "utf8")) as { extends: string };
  tsconfig.extends = path.relative(dir, path.join(repoRoot, "tsconfig.base.json"));
  writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));

  const replace = runtime === "workers" ? workersFiles(app) : nextjsFiles(app);
  for (const [file, contents] of Object.entries(replace)) {
    if (contents === null) rmSync(path.join(dir, file), { recursive: true, force: true });
    else {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), contents);
    }
  }

  const env = { ...process.env, XMCP_TELEMETRY_DISABLED: "true", NEXT_TELEMETRY_DISABLED: "1" };
  const bin = (name: string) => path.join(repoRoot, "node_modules/.bin", name);
  const steps: [string, string[]][] = runtime === "workers" ? [[bin("xmcp"), ["build", "--cf"]]] : [[bin("xmcp"), ["build"]], [bin("next"), ["build"]]];
  for (const [command, args] of steps) {
    const result = spawnSync(command, args, { cwd: dir, env, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`bench: ${path.basename(command)} ${args.join(" ")} in ${dir} failed:\n${result.stdout}\n${result.stderr}`);
  }
  return { runtime, dir };
}

/**
 * A Worker module for the bench: \`setup\` defines \`worker\` from xmcp's generated one, and
 * requests for {@link STATS_PATH} get \`stats\` (the provider's counters, or nothing in the
 * baseline) before \`worker\` sees them, in both builds alike.
 */
function workerWithCounters(options: { setup: string; stats: string }): string {
  return `import xmcpWorker from "../worker.js";
${options.setup}

// bench/targets.ts: the provider's counters, for the benchmark only.
export default {
  fetch: (request: Request, env: unknown, ctx: unknown) =>
    new URL(request.url).pathname === ${JSON.stringify(STATS_PATH)} ? Response.json(${options.stats}) : worker.fetch(request, env, ctx),
};
`;
}

function workersFiles(app: App): Record<string, string | null> {
  if (app === "inProcess") throw new Error("bench: --in-process is built for Node and Next.js only");
  if (app === "noAuth") {
    return {
      "src/middleware.ts": "// Benchmark baseline: nothing in front of /mcp.\nexport default () => {};\n",
      // Benchmark baseline: the Worker xmcp generates, as it is, behind the same counters check as the authenticated build's.
      "src/worker.ts": workerWithCounters({ setup: "const worker = xmcpWorker;", stats: "{}" }),
      "src/auth.ts": null,
      "src/tools/greet.ts": greetWithoutSession(),
    };
  }
  return {
    "src/worker.ts": workerWithCounters({ setup: 'import { workos } from "./auth";\n\nconst worker = workos.worker(xmcpWorker);', stats: "workos.stats()" }),
  };
}

function nextjsFiles(app: App): Record<string, string | null> {
  // `%5F` names a URL segment that starts with `_` (a folder that starts with `_` is private in Next.js).
  const statsRoute = path.join("app", ...STATS_PATH.split("/").filter(Boolean).map((segment) => segment.replace(/^_/, "%5F")), "route.ts");
  if (app === "noAuth") {
    return {
      "app/mcp/route.ts": '// Benchmark baseline: nothing in front of /mcp.\nexport { xmcpHandler as GET, xmcpHandler as POST } from "@xmcp/adapter";\n',
      "app/.well-known": null,
      "src/auth.ts": null,
      "src/tools/greet.ts": greetWithoutSession(),
      // The same route table as the authenticated build's, the plugin's own routes aside.
      [statsRoute]: "// bench/targets.ts: the baseline has no provider counters.\nexport const GET = () => Response.json({});\n",
    };
  }
  const inProcess = {
    // Requests without a token go to xmcp's handler directly, as in the baseline; the rest through the provider.
    "app/mcp/route.ts": `import { xmcpHandler } from "@xmcp/adapter";
import { workos } from "../../src/auth";

// bench/targets.ts: both sides of bench:processes --in-process in one build.
const guarded = workos.protect(xmcpHandler);
const handler = (request: Request) => (request.headers.has("authorization") ? guarded(request) : xmcpHandler(request));

export { handler as GET, handler as POST };
`,
    "src/tools/greet.ts": greetEitherWay(),
  };
  return {
    ...(app === "inProcess" ? inProcess : {}),
    [statsRoute]: `import { workos } from "${path.relative(path.dirname(statsRoute), "src/auth")}";

// bench/targets.ts: the provider's counters, for the benchmark only.
export const GET = () => Response.json(workos.stats());
`,
  };
}

/**
 * Starts a runtime build as its users run it, answering as `baseURL` (the resource every
 * authenticated process of a run shares), against AuthKit at `emulatorURL`. `pids` are the
 * processes that serve a request, to pin and to count CPU time for: the Next.js server itself,
 * or both workerd processes of `wrangler dev` (one answers wrangler's port and forwards to the
 * other, which runs the Worker). `pid` is the first of them. `port` defaults to a free one; pass
 * `baseURL`'s own to sign in through it (an MCP client discovers the resource at `baseURL`).
 * `nodeOptions`: `NODE_OPTIONS` for `next start`; `bench:processes` refuses it for workerd, which is not Node.
 */
export async function startRuntimeServer(
  build: RuntimeBuild,
  emulatorURL: string,
  baseURL: string,
  settings: { port?: number; nodeOptions?: string } = {},
): Promise<ExampleServer & { pids: number[] }> {
  const port = settings.port ?? (await freePort());
  const options = { cwd: build.dir, baseURL, nodeOptions: settings.nodeOptions };
  const server = build.runtime === "workers" ? await startWorker(emulatorURL, port, options) : await startNextApp(emulatorURL, port, options);
  const pids = build.runtime === "workers" ? workerdsOf(server.pid) : [server.pid];
  return { ...server, pid: pids[0]!, pids };
}

/** The workerd processes wrangler runs (children of wrangler's Node processes). */
function workerdsOf(wranglerPid: number): number[] {
  const children = (pid: number): [string, string][] => {
    try {
      return execFileSync("ps", ["-o", "pid=,comm=", "--ppid", String(pid)], { encoding: "utf8" })
        .trim()
        .split("\n")
        .filter(Boolean)
        .map((line) => line.trim().split(/\s+/) as [string, string]);
    } catch {
      return []; // ps exits 1 when the process has no children
    }
  };
  const found: number[] = [];
  const queue = [wranglerPid];
  while (queue.length > 0) {
    for (const [pid, command] of children(queue.shift()!)) {
      if (command === "workerd") found.push(Number(pid));
      else queue.push(Number(pid));
    }
  }
  if (found.length === 0) throw new Error(`bench: no workerd process under wrangler (pid ${wranglerPid})`);
  return found;
}
