import { WorkOS } from "@workos-inc/node";
import { afterAll, beforeAll } from "vitest";
import { startEmulator, type RunningEmulator } from "../src/index.js";

/** The real WorkOS SDK pointed at a running emulator (plain HTTP on loopback, no retries). */
export function workosFor(emulator: RunningEmulator, apiKey: string = emulator.apiKey): WorkOS {
  return new WorkOS(apiKey, {
    clientId: emulator.clientId,
    apiHostname: "127.0.0.1",
    port: emulator.port,
    https: false,
    maxRetries: 0,
  });
}

/** Seed ids the tests read values from (see seed/default-seed.json). */
export const SEED = {
  alice: "user_01ALICE00000000000000000",
  bob: "user_01BOB0000000000000000000",
  dana: "user_01DANA000000000000000000",
  carol: "user_01CAROL00000000000000000",
  acme: "org_01ACME000000000000000000",
  globex: "org_01GLOBEX0000000000000000",
  aliceAcme: "om_01ALICEACME0000000000000",
  danaAcme: "om_01DANAACME0000000000000",
  directory: "directory_01GLOBEX00000000000",
  carolDirectoryUser: "directory_user_01CAROL000000000",
  engineering: "directory_group_01ENG000000000000",
  sales: "directory_group_01SALES0000000000",
  connection: "conn_01GLOBEXOKTA000000000000",
} as const;

/**
 * One emulator for the test file and the real SDK pointed at it, stopped after the file.
 * Read them from the returned object inside tests (they exist once `beforeAll` has run).
 */
export function useEmulatorWithSdk(): { emulator: RunningEmulator; workos: WorkOS } {
  const context = {} as { emulator: RunningEmulator; workos: WorkOS };
  beforeAll(async () => {
    context.emulator = await startEmulator({ port: 0 });
    context.workos = workosFor(context.emulator);
  });
  afterAll(() => context.emulator.stop());
  return context;
}
