import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildExampleCopy } from "../helpers/example-build.js";

const exampleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Builds the example's tools with one of xmcp's framework adapters (`experimental.adapter`) into a
 * git-ignored copy and returns the path of the generated `.xmcp/adapter/index.js`, the module an
 * application imports as `@xmcp/adapter`. Adapter builds take no `src/middleware.ts`: the
 * application wires authentication itself.
 */
export function buildAdapter(adapter: "fastify" | "nestjs" | "express"): string {
  const buildDir = path.join(exampleDir, `.e2e-build-${adapter}`);
  buildExampleCopy({
    buildDir,
    port: 0,
    remove: ["src/middleware.ts"],
    replace: {
      "xmcp.config.ts": `import type { XmcpConfig } from "xmcp";

const config: XmcpConfig = {
  http: { endpoint: "/mcp" },
  paths: { tools: "./src/tools", prompts: false, resources: false },
  experimental: { adapter: ${JSON.stringify(adapter)} },
};

export default config;
`,
    },
  });
  return path.join(buildDir, ".xmcp/adapter/index.js");
}
