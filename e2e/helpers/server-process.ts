import { spawn } from "node:child_process";

/** A server the tests started in its own process group, as its users start it. */
export interface ServerProcess {
  /** The process id (the benchmark pins it to a core and reads its CPU time). */
  pid: number;
  output(): string;
  /** Ends the server and every process it started (wrangler runs workerd as a child). */
  stop(): Promise<void>;
}

/**
 * Spawns a server and waits until `readyURL` answers anything at all: xmcp, wrangler and Next.js
 * each listen only once their routes are mounted. The process leads a process group of its own,
 * so `stop()` also ends the runtimes it spawns and nothing outlives the test.
 */
export async function startServerProcess(options: {
  name: string;
  command: string;
  args: readonly string[];
  cwd: string;
  env: Record<string, string>;
  readyURL: string;
  timeoutMs?: number;
}): Promise<ServerProcess> {
  const { name, readyURL, timeoutMs = 20_000 } = options;
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // already gone
      }
    }
    await exited;
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited early:\n${output}`);
    try {
      const res = await fetch(readyURL);
      await res.arrayBuffer();
      break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${name} did not answer within ${timeoutMs / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { pid: child.pid!, output: () => output, stop };
}
