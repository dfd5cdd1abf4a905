import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../packages/authkit-emulator/dist/cli.js");

export interface EmulatorProcess {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * The emulator as users run it, `authkit-emulator --port 0 ...`, in its own process: needed when
 * the process environment matters (NODE_EXTRA_CA_CERTS) or a restart is part of the test. Pass
 * `--port <n>` in `args` to come back on the port a previous process had (the issuer is the origin).
 */
export async function startEmulatorProcess(args: string[] = [], env: Record<string, string> = {}): Promise<EmulatorProcess> {
  const port = args.includes("--port") ? [] : ["--port", "0"];
  const child = spawn(process.execPath, [cli, ...port, ...args], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`emulator did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /URL \/ issuer:\s+(http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited with ${code}:\n${output}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
