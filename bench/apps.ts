import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildExampleCopy, type ExampleBuild } from "../examples/workos-http/test/helpers/example-build.js";
import { bakedPort } from "../e2e/helpers/free-port.js";
import type { ServerProcess } from "./variants.js";

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const exampleSrc = path.resolve(benchDir, "../examples/workos-http/src");

/**
 * One build of the example per server process, into the git-ignored `bench/.build/`, each on its
 * own free port (xmcp bakes the port in at build time, and the processes run side by side).
 * Only the files named here differ from the example: the baseline's middleware and greet; in
 * the authenticated builds, `src/middleware.ts` gains the bench's counters route (below) and,
 * for the builds that are not the default, a `cache` option.
 */
export async function buildBenchApps(
  servers: readonly ServerProcess[],
  options: { minify: boolean; buildRoot?: string },
): Promise<Map<ServerProcess["id"], ExampleBuild>> {
  const builds = new Map<ServerProcess["id"], ExampleBuild>();
  for (const server of servers) {
    if (server.runtime) continue; // bench/targets.ts builds the other runtimes
    const replace: Record<string, string> =
      server.app === "noAuth"
        ? {
            ...behindStatsLayer(readFileSync(path.join(benchDir, "experiments/passthrough.ts"), "utf8")),
            "src/tools/greet.ts": greetWithoutSession(),
          }
        : { "src/middleware.ts": benchMiddleware(server.cache) };
    if (!options.minify) replace["xmcp.config.ts"] = unminifiedConfig();
    builds.set(server.id, buildExampleCopy({ buildDir: path.join(options.buildRoot ?? path.join(benchDir, ".build"), server.id), port: await bakedPort(), replace }));
  }
  return builds;
}

/** No provider means no session: the baseline's greet signs with a constant instead of `getSession().userId`. */
export function greetWithoutSession(): string {
  const source = readFileSync(path.join(exampleSrc, "tools/greet.ts"), "utf8");
  const withoutImport = mustReplace(source, 'import { getSession } from "@xmcp-dev/workos";\n', "", "tools/greet.ts");
  return mustReplace(withoutImport, "getSession().userId", '"anonymous"', "tools/greet.ts");
}

/**
 * For `bench:processes --in-process`: one build that serves both sides of the ratio. Requests
 * with an `Authorization` header go through the shipped provider (and `greet` signs with
 * `getSession().userId`); `/mcp` requests without one go straight on, as in the baseline build (and
 * `greet` signs with a constant). Alternating the two in one process takes the spread between
 * processes out of the ratio.
 */
export function inProcessFiles(): Record<string, string> {
  const middleware = benchMiddleware(undefined).replace(
    "export default [benchStats, provider];",
    `const tokenOnly = (req: { url?: string; headers: { authorization?: string } }, res: unknown, next: () => void) =>
  req.url === "/mcp" && req.headers.authorization === undefined ? next() : provider(req as never, res as never, next);

export default [benchStats, tokenOnly];`,
  );
  return { "src/middleware.ts": middleware, "src/tools/greet.ts": greetEitherWay() };
}

/** For the in-process builds: `greet` signs with `getSession().userId` when the request was authenticated, else with a constant. */
export function greetEitherWay(): string {
  const source = readFileSync(path.join(exampleSrc, "tools/greet.ts"), "utf8");
  const signature = "greet({ name }: InferSchema<typeof schema>)";
  return mustReplace(
    mustReplace(source, signature, "greet({ name }: InferSchema<typeof schema>, extra: { authInfo?: unknown })", "tools/greet.ts"),
    "getSession().userId",
    '(extra.authInfo ? getSession().userId : "anonymous")',
    "tools/greet.ts",
  );
}

/**
 * The example's xmcp config with rspack's minifier off, for `--profile`: a CPU profile of a
 * minified bundle names jose's and the plugin's functions `e`, `t`, `a`.
 */
function unminifiedConfig(): string {
  const source = readFileSync(path.join(exampleSrc, "../xmcp.config.ts"), "utf8");
  const find = "const config: XmcpConfig = {";
  const bundler = "\n  bundler: (rspack) => ({ ...rspack, optimization: { ...rspack.optimization, minimize: false } }), // bench/apps.ts --profile";
  return mustReplace(source, find, `${find}${bundler}`, "../xmcp.config.ts");
}

/** Where the authenticated builds answer the provider's `stats()`, read before and after each measured run. */
export const STATS_PATH = "/_bench/stats";

/**
 * The shipped middleware, its provider kept in a constant so the bench can add a middleware that
 * answers `provider.stats()`: the server's own count of verified-token cache hits and misses is
 * what proves a variant measured what its label says. With `cache`, one more option goes before
 * the closing `});`.
 */
function benchMiddleware(cache: Record<string, unknown> | undefined): string {
  const shipped = "export default workosProvider({";
  let source = mustReplace(readFileSync(path.join(exampleSrc, "middleware.ts"), "utf8"), shipped, "const provider = workosProvider({", "middleware.ts");
  if (cache) {
    const end = source.lastIndexOf("});");
    if (end < 0) throw new Error("bench: examples/workos-http/src/middleware.ts no longer ends with workosProvider({...});");
    source = `${source.slice(0, end)}  cache: ${JSON.stringify(cache)}, // bench/apps.ts\n${source.slice(end)}`;
  }
  return `${source}
${statsLayer("provider.stats()")}
export default [benchStats, provider];
`;
}

/**
 * \`middleware\` (a module's source) as \`src/bench-middleware.ts\`, behind the bench's counters
 * route: the baseline's pass-through (\`experiments/passthrough.ts\`) and every \`--against\`
 * experiment, so the counters' Express layer is on both sides of their ratios as it is in the
 * authenticated builds.
 */
export function behindStatsLayer(middleware: string): Record<string, string> {
  return {
    "src/bench-middleware.ts": middleware,
    "src/middleware.ts": `import middleware from "./bench-middleware";
${statsLayer("{}")}
export default [benchStats, middleware];
`,
  };
}

/** The bench's counters route, answering \`body\` at {@link STATS_PATH}: the first middleware of every Node bench build. */
function statsLayer(body: string): string {
  return `// bench/apps.ts: the provider's counters, for the benchmark only.
const benchStats = (req: { url?: string }, res: { json(body: unknown): void }, next: () => void) =>
  req.url === ${JSON.stringify(STATS_PATH)} ? res.json(${body}) : next();
`;
}

function mustReplace(source: string, find: string, replacement: string, file: string): string {
  if (!source.includes(find)) throw new Error(`bench: expected ${JSON.stringify(find)} in examples/workos-http/src/${file}`);
  return source.replace(find, replacement);
}
