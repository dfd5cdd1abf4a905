import { inject } from "vitest";
import { startServerProcess } from "../../../../e2e/helpers/server-process.js";
import type { Target } from "../../../../e2e/helpers/target.js";
import type { ExampleBuild } from "./example-build.js";

export interface ExampleServer {
  url: string;
  mcpURL: string;
  /** The server's process id (the benchmark pins it to a core and reads its CPU time). */
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

/**
 * The MCP URL the built example serves, which is its RFC 8707 resource: pass it to the emulator
 * (`resources` / `--resource`) the way a WorkOS environment lists its MCP resource indicators, so
 * tokens for this server carry it as `aud`. The default seed only knows `npm start`'s port 3001.
 */
export function exampleResource(build: ExampleBuild = inject("exampleServer")): string {
  return `http://127.0.0.1:${build.port}/mcp`;
}

/**
 * Starts the built example (a real xmcp server) against an emulator, and waits until it answers.
 * `build` defaults to the copy the e2e global setup built; the benchmark passes its own.
 */
export async function startExampleServer(
  emulatorURL: string,
  env: Record<string, string> = {},
  build: ExampleBuild = inject("exampleServer"),
): Promise<ExampleServer> {
  const { port, entry, cwd } = build;
  const url = `http://127.0.0.1:${port}`;
  const server = await startServerProcess({
    name: "example server",
    command: process.execPath,
    args: [entry],
    cwd,
    env: { NODE_ENV: "production", EMULATOR_URL: emulatorURL, BASE_URL: url, ...env },
    // The benchmark's unauthenticated twin has no metadata route and answers 404: still ready.
    readyURL: `${url}/.well-known/oauth-protected-resource`,
  });
  return { url, mcpURL: `${url}/mcp`, ...server };
}

/** The built example for the shared end-to-end suites: its MCP URL is fixed when it is built. */
export const exampleServerTarget: Target = {
  reserve: async () => ({ mcpURL: exampleResource(), start: (emulatorURL) => startExampleServer(emulatorURL) }),
};
