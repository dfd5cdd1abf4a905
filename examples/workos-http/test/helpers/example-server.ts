import { spawn, type ChildProcess } from "node:child_process";
import { inject } from "vitest";
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
  const child: ChildProcess = spawn(process.execPath, [entry], {
    cwd,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      EMULATOR_URL: emulatorURL,
      BASE_URL: url,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`example server exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/.well-known/oauth-protected-resource`);
      // xmcp listens only once every route is mounted, so any answer means ready; the benchmark's
      // unauthenticated twin has no metadata route and answers 404.
      await res.arrayBuffer();
      break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`example server did not answer within 20 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    mcpURL: `${url}/mcp`,
    pid: child.pid!,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
