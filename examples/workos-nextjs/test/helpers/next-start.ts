import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServerProcess, type ServerProcess } from "../../../../e2e/helpers/server-process.js";
import { targetOnReservedPort, type RunningTarget, type Target } from "../../../../e2e/helpers/target.js";

const exampleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const next = path.resolve(exampleDir, "../../node_modules/next/dist/bin/next");

export type RunningNextApp = RunningTarget & ServerProcess;

/**
 * The built example (`xmcp build && next build`, done by the root build; the benchmark passes its
 * own copy as `cwd`) in `next start`, on loopback. `baseURL` is the public origin the app believes
 * it has (default: its own). The route handlers read their configuration from the
 * environment when the server loads them, so one build serves any port. `nodeOptions` becomes the
 * server's `NODE_OPTIONS` (the benchmark's `--node-options`).
 */
export async function startNextApp(
  emulatorURL: string,
  port: number,
  options: { cwd?: string; baseURL?: string; nodeOptions?: string } = {},
): Promise<RunningNextApp> {
  const url = `http://127.0.0.1:${port}`;
  const app = await startServerProcess({
    name: "next start",
    command: process.execPath,
    // Idle connections stay open longer than the test client keeps them (undici: 4 s), so the
    // client never reuses one the server is closing at that moment ("fetch failed" under load).
    args: [next, "start", "--hostname", "127.0.0.1", "--port", String(port), "--keepAliveTimeout", "65000"],
    cwd: options.cwd ?? exampleDir,
    env: { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", BASE_URL: options.baseURL ?? url, EMULATOR_URL: emulatorURL, ...(options.nodeOptions ? { NODE_OPTIONS: options.nodeOptions } : {}) },
    readyURL: `${url}/.well-known/oauth-protected-resource`,
    timeoutMs: 30_000,
  });
  return { url, mcpURL: `${url}/mcp`, ...app };
}

/** The example in Next.js for the shared end-to-end suites, on a port chosen before the emulator starts. */
export const nextAppTarget: Target = targetOnReservedPort((emulatorURL, port) => startNextApp(emulatorURL, port));
