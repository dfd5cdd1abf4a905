import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../../../../e2e/helpers/free-port.js";
import { startServerProcess, type ServerProcess } from "../../../../e2e/helpers/server-process.js";
import { targetOnReservedPort, type RunningTarget, type Target } from "../../../../e2e/helpers/target.js";

const exampleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const wrangler = path.resolve(exampleDir, "../../node_modules/wrangler/bin/wrangler.js");

export type RunningWorker = RunningTarget & ServerProcess;

/**
 * The built example (`xmcp build --cf`, done by the root build; the benchmark passes its own copy
 * as `cwd`) in `wrangler dev`: the real workerd runtime, on loopback. `baseURL` is the public
 * origin the Worker believes it has (default: its own). Wrangler sends no metrics and does not fetch
 * Cloudflare's `request.cf` data, so nothing leaves the machine.
 */
export async function startWorker(
  emulatorURL: string,
  port: number,
  options: { cwd?: string; baseURL?: string } = {},
): Promise<RunningWorker> {
  const inspectorPort = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const worker = await startServerProcess({
    name: "wrangler dev",
    command: process.execPath,
    args: [
      wrangler,
      "dev",
      "--ip=127.0.0.1",
      `--port=${port}`,
      `--inspector-port=${inspectorPort}`,
      `--var=BASE_URL:${options.baseURL ?? url}`,
      `--var=EMULATOR_URL:${emulatorURL}`,
      "--show-interactive-dev-session=false",
      "--log-level=warn",
    ],
    cwd: options.cwd ?? exampleDir,
    env: { CI: "true", WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", NO_COLOR: "1" },
    readyURL: `${url}/health`,
    timeoutMs: 60_000,
  });
  return { url, mcpURL: `${url}/mcp`, ...worker };
}

/** The example on Workers for the shared end-to-end suites, on a port chosen before the emulator starts. */
export const workerTarget: Target = targetOnReservedPort((emulatorURL, port) => startWorker(emulatorURL, port));
