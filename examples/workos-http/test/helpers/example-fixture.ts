import { afterAll, beforeAll } from "vitest";
import { startEmulator, type RunningEmulator } from "@xmcp-dev/authkit-emulator";
import { exampleResource, startExampleServer, type ExampleServer } from "./example-server.js";

export interface ExampleFixture {
  emulator: RunningEmulator;
  server: ExampleServer;
}

const silent = { info() {}, warn() {}, error() {} };

/**
 * A quiet emulator and the built example against it for the enclosing file: started in
 * `beforeAll`, stopped in `afterAll`. The emulator lists the example's MCP URL as a resource
 * indicator, as the WorkOS environment of a deployed server does. The returned object is filled
 * in when `beforeAll` runs, so tests and later hooks use it as it is.
 */
export function useExampleWithEmulator(): ExampleFixture {
  const fixture = {} as ExampleFixture;
  beforeAll(async () => {
    fixture.emulator = await startEmulator({ port: 0, resources: [exampleResource()], logger: silent });
    fixture.server = await startExampleServer(fixture.emulator.url);
  });
  afterAll(async () => {
    await fixture.server?.stop();
    await fixture.emulator?.stop();
  });
  return fixture;
}
