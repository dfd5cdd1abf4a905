import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const exampleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const repoRoot = path.resolve(exampleDir, "../..");

/** A built copy of the example: where it listens (fixed at build time) and how to start it. */
export interface ExampleBuild {
  port: number;
  /** The built server, `dist/http.js`. */
  entry: string;
  /** Working directory to start it in. */
  cwd: string;
}

/**
 * Builds a copy of the example with `xmcp build` into `buildDir`, listening on `port`. xmcp bakes
 * the port in at build time (`http.port` in xmcp.config.ts), so each listening port needs its
 * own build. `buildDir` must be inside the repository so `node_modules` resolves, and should be
 * git-ignored. `replace` overwrites files of the copy by relative path (the benchmark's
 * unauthenticated twin swaps `src/middleware.ts`); `remove` deletes them (adapter builds have no
 * `src/middleware.ts`).
 */
export function buildExampleCopy(options: {
  buildDir: string;
  port: number;
  replace?: Record<string, string>;
  remove?: readonly string[];
}): ExampleBuild {
  const { buildDir, port } = options;
  rmSync(buildDir, { recursive: true, force: true });
  mkdirSync(buildDir, { recursive: true });
  cpSync(path.join(exampleDir, "src"), path.join(buildDir, "src"), { recursive: true });
  cpSync(path.join(exampleDir, "xmcp.config.ts"), path.join(buildDir, "xmcp.config.ts"));
  cpSync(path.join(exampleDir, "package.json"), path.join(buildDir, "package.json"));
  writeFileSync(
    path.join(buildDir, "tsconfig.json"),
    JSON.stringify({
      extends: path.relative(buildDir, path.join(repoRoot, "tsconfig.base.json")),
      compilerOptions: { lib: ["ES2023", "DOM"] },
      include: ["src"],
    }),
  );
  for (const [file, contents] of Object.entries(options.replace ?? {})) writeFileSync(path.join(buildDir, file), contents);
  for (const file of options.remove ?? []) rmSync(path.join(buildDir, file));

  const build = spawnSync(path.join(repoRoot, "node_modules/.bin/xmcp"), ["build"], {
    cwd: buildDir,
    env: { ...process.env, MCP_PORT: String(port) },
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`xmcp build of the example failed:\n${build.stdout}\n${build.stderr}`);
  return { port, entry: path.join(buildDir, "dist/http.js"), cwd: buildDir };
}
