import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { buildExampleCopy, type ExampleBuild } from "./helpers/example-build.js";
import { bakedPort } from "../../../e2e/helpers/free-port.js";

const exampleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

declare module "vitest" {
  export interface ProvidedContext {
    exampleServer: ExampleBuild;
  }
}

/**
 * xmcp fixes the listening port when it builds (`http.port` in xmcp.config.ts). The end-to-end
 * tests must not take 3001 from a developer's running `npm start`, so they build a copy of the
 * example, on a free port below the OS's ephemeral range (`bakedPort`), into a git-ignored
 * folder beside it (inside the workspace, so `node_modules` still resolves).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const buildDir = path.join(exampleDir, ".e2e-build");
  project.provide("exampleServer", buildExampleCopy({ buildDir, port: await bakedPort() }));
  return () => rmSync(buildDir, { recursive: true, force: true });
}
