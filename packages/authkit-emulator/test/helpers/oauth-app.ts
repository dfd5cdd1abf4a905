import { afterAll, beforeAll } from "vitest";
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

/**
 * One emulator for the enclosing `describe` (or file): started in `beforeAll`, stopped in
 * `afterAll`. The returned object is filled in when `beforeAll` runs, so hooks registered after
 * this call and every test can use it as it is.
 */
export function useOAuthTestEmulator(options: Omit<EmulatorOptions, "port" | "logger"> = {}): OAuthTestEmulator {
  const holder = {} as OAuthTestEmulator;
  beforeAll(async () => {
    Object.assign(holder, await startOAuthTestEmulator(options));
  });
  afterAll(() => holder.stop?.());
  return holder;
}
