import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

const exampleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = path.resolve(exampleDir, "../..");

declare module "vitest" {
  export interface ProvidedContext {
    exampleServer: { port: number; entry: string; cwd: string };
  }
}

/**
 * xmcp fixes the listening port when it builds (`http.port` in xmcp.config.ts). The end-to-end
 * tests must not take 3001 from a developer's running `npm start`, so they build a copy of the
 * example, with a port the OS just handed out, into a git-ignored folder beside it (inside the
 * workspace, so `node_modules` still resolves).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const port = await freePort();
  const buildDir = path.join(exampleDir, ".e2e-build");
  rmSync(buildDir, { recursive: true, force: true });
  mkdirSync(buildDir, { recursive: true });
  cpSync(path.join(exampleDir, "src"), path.join(buildDir, "src"), { recursive: true });
  cpSync(path.join(exampleDir, "xmcp.config.ts"), path.join(buildDir, "xmcp.config.ts"));
  cpSync(path.join(exampleDir, "package.json"), path.join(buildDir, "package.json"));
  writeFileSync(
    path.join(buildDir, "tsconfig.json"),
    JSON.stringify({ extends: "../../../tsconfig.base.json", compilerOptions: { lib: ["ES2023", "DOM"] }, include: ["src"] }),
  );

  const build = spawnSync(path.join(repoRoot, "node_modules/.bin/xmcp"), ["build"], {
    cwd: buildDir,
    env: { ...process.env, MCP_PORT: String(port) },
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`xmcp build of the example failed:\n${build.stdout}\n${build.stderr}`);

  project.provide("exampleServer", { port, entry: path.join(buildDir, "dist/http.js"), cwd: buildDir });
  return () => rmSync(buildDir, { recursive: true, force: true });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
