import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startEmulatorProcess, type EmulatorProcess } from "./helpers/emulator-process.js";
import { exampleResource, startExampleServer, type ExampleServer } from "./helpers/example-server.js";
import { callTool, connectWithSignIn } from "../../../e2e/helpers/mcp-client.js";
import { postToolCall } from "../../../e2e/helpers/raw-tool-call.js";

/**
 * `authkit-emulator --data state.json` is how a developer keeps their sign-ins across restarts:
 * after the emulator comes back on the same port from the same file, the MCP host's registered
 * client, its refresh token and the tokens already issued must all still be good.
 *
 * The example server is restarted too: it holds the JWKS and verified tokens in memory, and would
 * otherwise accept the old token without asking the restarted emulator for its signing key.
 * Access tokens live long enough to be presented after both restarts (8 s), then expire, so the
 * host has to refresh against the restarted emulator; the server allows no clock skew, so the
 * refresh happens right at expiry.
 */
const TTL_SECONDS = 8;
const noSkew = { WORKOS_CLOCK_TOLERANCE_SECONDS: "0" };

let dataDir: string;
let emulator: EmulatorProcess | undefined;
let server: ExampleServer | undefined;

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "emulator-restart-"));
});
afterAll(async () => {
  await server?.stop();
  await emulator?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function publishedKids(emulatorURL: string): Promise<string[]> {
  const { keys } = (await (await fetch(`${emulatorURL}/oauth2/jwks`)).json()) as { keys: { kid: string }[] };
  return keys.map((key) => key.kid).sort();
}

it("keeps the registered client, the session and the signing key across a restart with --data", async () => {
  const args = ["--data", path.join(dataDir, "state.json"), "--access-token-ttl", String(TTL_SECONDS), "--resource", exampleResource()];
  emulator = await startEmulatorProcess(args);
  const emulatorURL = emulator.url;
  server = await startExampleServer(emulatorURL, noSkew);

  const { client, provider, close } = await connectWithSignIn(server.mcpURL, { email: "alice@acme.test", organization: "Acme" });
  try {
    const expected = { userId: "user_01ALICE00000000000000000", email: "alice@acme.test", organizationId: "org_01ACME000000000000000000" };
    expect(JSON.parse((await callTool(client, "whoami")).text)).toMatchObject(expected);
    const issued = provider.savedTokens!;
    const registeredClientId = provider.registered!.client_id;
    const authorizationURL = provider.authorizationURL!.href;
    const kidsBefore = await publishedKids(emulatorURL);

    await emulator.stop();
    emulator = await startEmulatorProcess(["--port", new URL(emulatorURL).port, ...args]);
    expect(emulator.url).toBe(emulatorURL);
    expect(await publishedKids(emulatorURL)).toEqual(kidsBefore);

    await server.stop();
    server = await startExampleServer(emulatorURL, noSkew);

    // The token issued before the restart verifies at a server that has to fetch the keys anew.
    expect(decodeJwt(issued.access_token).exp! * 1000).toBeGreaterThan(Date.now());
    const before = await postToolCall(server.mcpURL, issued.access_token, "whoami");
    expect(before.status).toBe(200);
    expect(JSON.parse(before.text!)).toMatchObject(expected);

    await sleep(Math.max(0, decodeJwt(issued.access_token).exp! * 1000 + 1_000 - Date.now()));
    const expired = await postToolCall(server.mcpURL, issued.access_token, "whoami");
    expect(expired.status).toBe(401);
    expect(expired.refusal?.error_description).toBe("Token has expired");

    // The host meets the 401, refreshes with its stored refresh token and client id, and carries on.
    const after = await callTool(client, "whoami");
    expect(after.isError).toBe(false);
    expect(JSON.parse(after.text)).toMatchObject(expected);
    const refreshed = provider.savedTokens!;
    expect(refreshed.access_token).not.toBe(issued.access_token);
    expect(refreshed.refresh_token).toBeTruthy();
    expect(refreshed.refresh_token).not.toBe(issued.refresh_token);
    expect(decodeProtectedHeader(refreshed.access_token).kid).toBe(decodeProtectedHeader(issued.access_token).kid);
    expect(decodeJwt(refreshed.access_token).sid).toBe(decodeJwt(issued.access_token).sid);
    // Neither registered again nor sent the user back to the sign-in page.
    expect(provider.registered!.client_id).toBe(registeredClientId);
    expect(provider.authorizationURL!.href).toBe(authorizationURL);
  } finally {
    await close();
  }
}, 90_000);
