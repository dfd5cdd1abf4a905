import { spawn, type ChildProcess } from "node:child_process";
import { inject } from "vitest";

export interface ExampleServer {
  url: string;
  mcpURL: string;
  output(): string;
  stop(): Promise<void>;
}

/** Starts the built example (a real xmcp server) against an emulator, and waits until it answers. */
export async function startExampleServer(emulatorURL: string, env: Record<string, string> = {}): Promise<ExampleServer> {
  const { port, entry, cwd } = inject("exampleServer");
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
      if (res.ok) break;
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
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
