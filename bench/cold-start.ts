/**
 * `npm run bench:cold-start`: how long a new server process takes to answer its first
 * authenticated `tools/call`, with AuthKit 20 ms away, as on a serverless target where every new
 * instance starts cold. See bench/README.md, "Cold starts".
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startEmulator } from "../packages/authkit-emulator/dist/index.js";
import { FaultProxy } from "../packages/workos/test/helpers/fault-proxy.js";
import { startExampleServer } from "../examples/workos-http/test/helpers/example-server.js";
import { buildExampleCopy, type ExampleBuild } from "../examples/workos-http/test/helpers/example-build.js";
import { freePort } from "../e2e/helpers/free-port.js";
import { signInUsers } from "./tokens.js";

const { values: args } = parseArgs({
  options: { starts: { type: "string", default: "7" }, delay: { type: "string", default: "20" } },
});
const starts = Number(args.starts);
const delayMs = Number(args.delay);
const JWKS_PATH = "/oauth2/jwks";

interface ColdStart {
  /** Process spawned → first authenticated response. */
  totalMs: number;
  /** The first request that reached the server: sent → answered. */
  firstRequestMs: number;
  /** JWKS requests that reached AuthKit while that first request was in flight. */
  jwksDuringFirstRequest: number;
  /** JWKS requests that reached AuthKit before the first request was sent. */
  jwksBeforeFirstRequest: number;
}

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const exampleSrc = path.resolve(benchDir, "../examples/workos-http/src");

/**
 * Two builds of the example on one port (one runs at a time): as shipped, and with the start-up
 * fetch off the way Cloudflare Workers turn it off (`navigator.userAgent`, which the provider
 * reads when it is created), so the key set is fetched by the first request, as before the
 * provider fetched it at creation. Nothing else differs.
 */
async function buildVariants(): Promise<Record<"startupFetch" | "firstRequestFetches", ExampleBuild>> {
  const port = await freePort();
  const shipped = readFileSync(path.join(exampleSrc, "middleware.ts"), "utf8");
  const noStartupFetch = `// bench/cold-start.ts: the provider believes it runs in Workers, where it may not fetch outside a request.\nObject.defineProperty(globalThis, "navigator", { value: { userAgent: "Cloudflare-Workers" }, configurable: true });\n${shipped}`;
  return {
    startupFetch: buildExampleCopy({ buildDir: path.join(benchDir, ".build", "cold-start"), port }),
    firstRequestFetches: buildExampleCopy({
      buildDir: path.join(benchDir, ".build", "cold-start-no-prefetch"),
      port,
      replace: { "src/middleware.ts": noStartupFetch },
    }),
  };
}

async function main(): Promise<void> {
  const builds = await buildVariants();
  const emulator = await startEmulator({ port: 0, accessTokenTtl: 3600 });
  const proxy = await FaultProxy.start(emulator.url);
  emulator.context.issuer = proxy.url;
  try {
    const url = `http://127.0.0.1:${builds.startupFetch.port}`;
    const signedIn = await startExampleServer(proxy.url, { BASE_URL: url }, builds.startupFetch);
    const token = (await signInUsers(signedIn.mcpURL, [{ email: "bob@acme.test" }])).get("bob@acme.test")!;
    await signedIn.stop();

    proxy.delayMs = delayMs;
    const results = { startupFetch: [] as ColdStart[], firstRequestFetches: [] as ColdStart[] };
    // Alternating, so the shared machine's drift does not favour either build.
    for (let i = 0; i < starts; i++) {
      for (const variant of i % 2 ? (["firstRequestFetches", "startupFetch"] as const) : (["startupFetch", "firstRequestFetches"] as const)) {
        results[variant].push(await coldStart(builds[variant].entry, builds[variant].cwd, url, proxy, token));
      }
    }
    const summary = (runs: ColdStart[]) => {
      const median = (pick: (r: ColdStart) => number) => runs.map(pick).sort((a, b) => a - b)[runs.length >> 1]!;
      return {
        medianTotalMs: median((r) => r.totalMs),
        medianFirstRequestMs: median((r) => r.firstRequestMs),
        jwksBeforeFirstRequest: runs.map((r) => r.jwksBeforeFirstRequest),
        jwksDuringFirstRequest: runs.map((r) => r.jwksDuringFirstRequest),
        runs,
      };
    };
    process.stdout.write(
      `${JSON.stringify(
        { delayMs, starts, startupFetch: summary(results.startupFetch), firstRequestFetches: summary(results.firstRequestFetches) },
        null,
        2,
      )}\n`,
    );
  } finally {
    await proxy.stop();
    await emulator.stop();
  }
}

/**
 * Spawns the built server and sends the authenticated call until one gets through: attempts
 * before the server listens are refused by the OS and never reach it, so the first request the
 * server sees is the authenticated one.
 */
async function coldStart(entry: string, cwd: string, url: string, proxy: FaultProxy, token: string): Promise<ColdStart> {
  const jwks = () => proxy.requests.get(JWKS_PATH) ?? 0;
  const jwksAtSpawn = jwks();
  const started = performance.now();
  const child = spawn(process.execPath, [entry], {
    cwd,
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", EMULATOR_URL: proxy.url, BASE_URL: url },
    stdio: "ignore",
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error("bench: the server exited during a cold start");
      if (performance.now() - started > 30_000) throw new Error("bench: no answer within 30 s of a cold start");
      const jwksBefore = jwks();
      const sent = performance.now();
      let response: Response;
      try {
        response = await fetch(`${url}/mcp`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${token}`,
            "content-type": "application/json",
            accept: "application/json, text/event-stream",
            "mcp-protocol-version": "2025-06-18",
          },
          body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "greet", arguments: { name: "cold" } } }),
        });
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 2));
        continue;
      }
      const body = await response.text();
      const answered = performance.now();
      if (response.status !== 200 || !body.includes("Hello, cold!")) throw new Error(`bench: the first call answered ${response.status}: ${body}`);
      return {
        totalMs: Math.round(answered - started),
        firstRequestMs: Math.round((answered - sent) * 10) / 10,
        jwksDuringFirstRequest: jwks() - jwksBefore,
        jwksBeforeFirstRequest: jwksBefore - jwksAtSpawn,
      };
    }
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

process.chdir(path.resolve(benchDir, ".."));
await main();
