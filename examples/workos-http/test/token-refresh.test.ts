import { afterAll, beforeAll, expect, it } from "vitest";
import { setTimeout as sleep } from "node:timers/promises";
import { startEmulator, type RunningEmulator } from "@xmcp-dev/authkit-emulator";
import { exampleResource, startExampleServer, type ExampleServer } from "./helpers/example-server.js";
import { callTool, connectWithSignIn } from "../../../e2e/helpers/mcp-client.js";

const silent = { info() {}, warn() {}, error() {} };
let emulator: RunningEmulator;
let server: ExampleServer;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, resources: [exampleResource()], accessTokenTtl: 2, logger: silent });
  // No skew allowance, so the 2-second tokens really expire during the test.
  server = await startExampleServer(emulator.url, { WORKOS_CLOCK_TOLERANCE_SECONDS: "0" });
});
afterAll(async () => {
  await server?.stop();
  await emulator?.stop();
});

it("refreshes an expired access token and carries on", async () => {
  const { client, provider, close } = await connectWithSignIn(server.mcpURL, { email: "alice@acme.test", organization: "Acme" });
  try {
    const first = provider.savedTokens!;
    expect(first.expires_in).toBe(2);
    expect(first.refresh_token).toBeTruthy();
    expect(JSON.parse((await callTool(client, "whoami")).text).email).toBe("alice@acme.test");

    await sleep(3_000);
    const expired = await fetch(server.mcpURL, { method: "POST", headers: { authorization: `Bearer ${first.access_token}` } });
    expect(expired.status).toBe(401);
    expect((await expired.json()).error_description).toBe("Token has expired");

    const again = await callTool(client, "whoami");
    expect(again.isError).toBe(false);
    expect(JSON.parse(again.text)).toMatchObject({ email: "alice@acme.test", organizationId: "org_01ACME000000000000000000" });
    const second = provider.savedTokens!;
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.refresh_token).not.toBe(first.refresh_token); // rotated
  } finally {
    await close();
  }
});
