import { startEmulator, type RunningEmulator } from "../../src/index.js";
import type { EmulatorOptions } from "../../src/context.js";

export interface OAuthTestEmulator {
  emulator: RunningEmulator;
  issuer: string;
  /** Every info/warn/error line, to assert what is (and is not) logged. */
  logs: string[];
  stop(): Promise<void>;
}

/**
 * Starts the whole emulator on a free loopback port with the default seed and a capturing
 * logger. Tests drive it only over HTTP, like real clients.
 */
export async function startOAuthTestEmulator(options: Omit<EmulatorOptions, "port" | "logger"> = {}): Promise<OAuthTestEmulator> {
  const logs: string[] = [];
  const logger = { info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m), error: (m: string) => logs.push(m) };
  const emulator = await startEmulator({ ...options, port: 0, host: "127.0.0.1", logger });
  return { emulator, issuer: emulator.issuer, logs, stop: () => emulator.stop() };
}
