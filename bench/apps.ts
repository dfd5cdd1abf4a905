import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildExampleCopy, freePort, type ExampleBuild } from "../examples/workos-http/test/helpers/example-build.js";
import type { ServerProcess } from "./variants.js";

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const exampleSrc = path.resolve(benchDir, "../examples/workos-http/src");

/**
 * One build of the example per server process, into the git-ignored `bench/.build/`, each on its
 * own free port (xmcp bakes the port in at build time, and the processes run side by side).
 * Only the files named here differ from the example: the baseline's middleware and greet, and
 * the `cache` line of the authenticated builds that are not the default.
 */
export async function buildBenchApps(servers: readonly ServerProcess[]): Promise<Map<ServerProcess["id"], ExampleBuild>> {
  const builds = new Map<ServerProcess["id"], ExampleBuild>();
  for (const server of servers) {
    const replace: Record<string, string> =
      server.app === "noAuth"
        ? {
            "src/middleware.ts": "// Benchmark baseline: the same app with nothing in front of /mcp.\nexport default function passThrough(_req: unknown, _res: unknown, next: () => void) {\n  next();\n}\n",
            "src/tools/greet.ts": greetWithoutSession(),
          }
        : server.cache
          ? { "src/middleware.ts": middlewareWithCache(server.cache) }
          : {};
    builds.set(server.id, buildExampleCopy({ buildDir: path.join(benchDir, ".build", server.id), port: await freePort(), replace }));
  }
  return builds;
}

/** No provider means no session: the baseline's greet signs with a constant instead of `getSession().userId`. */
function greetWithoutSession(): string {
  const source = readFileSync(path.join(exampleSrc, "tools/greet.ts"), "utf8");
  return mustReplace(mustReplace(source, 'import { getSession } from "@xmcp-dev/workos";\n', ""), "getSession().userId", '"anonymous"');
}

/** The shipped middleware with one more option, `cache`, before the closing `});`. */
function middlewareWithCache(cache: Record<string, unknown>): string {
  const source = readFileSync(path.join(exampleSrc, "middleware.ts"), "utf8");
  const end = source.lastIndexOf("});");
  if (end < 0) throw new Error("bench: examples/workos-http/src/middleware.ts no longer ends with workosProvider({...});");
  return `${source.slice(0, end)}  cache: ${JSON.stringify(cache)}, // bench/apps.ts\n${source.slice(end)}`;
}

function mustReplace(source: string, find: string, replacement: string): string {
  if (!source.includes(find)) throw new Error(`bench: expected ${JSON.stringify(find)} in examples/workos-http/src/tools/greet.ts`);
  return source.replace(find, replacement);
}
