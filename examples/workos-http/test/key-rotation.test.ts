import { setTimeout as sleep } from "node:timers/promises";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "@xmcp-dev/authkit-emulator";
import { FaultProxy } from "../../../packages/workos/test/helpers/fault-proxy.js";
import { exampleResource, startExampleServer, type ExampleServer } from "./helpers/example-server.js";
import { callTool, connectWithSignIn, type InMemoryOAuthProvider } from "../../../e2e/helpers/mcp-client.js";
import { postToolCall } from "../../../e2e/helpers/raw-tool-call.js";

/**
 * Key rotation seen from the real example server: a token from the new key is accepted after
 * exactly one more JWKS fetch, and tokens from the retired key keep working until they expire.
 *
 * JWKS fetches are counted by the fault proxy from the plugin's own tests, put in front of the
 * emulator; the example server reaches AuthKit and the WorkOS API only through it. The plugin
 * derives the JWKS URL from the issuer and checks `iss` against it, so the emulator must issue
 * tokens as the proxy: `context.issuer` is the emulator's documented, mutable issuer (its metadata
 * documents are rebuilt when it changes), so no emulator code is touched.
 *
 * The rotation happens well inside jose's 30 s refetch cooldown: the plugin must still fetch the
 * new key at once (one forced refetch), or MCP clients would be sent back through sign-in.
 */
const TTL_SECONDS = 8;
const silent = { info() {}, warn() {}, error() {} };

let emulator: RunningEmulator;
let proxy: FaultProxy;
let server: ExampleServer;
const sessions: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, resources: [exampleResource()], accessTokenTtl: TTL_SECONDS, logger: silent });
  proxy = await FaultProxy.start(emulator.url);
  emulator.context.issuer = proxy.url;
  // No skew allowance, so "until it expires" means the token's own `exp`.
  server = await startExampleServer(proxy.url, { WORKOS_CLOCK_TOLERANCE_SECONDS: "0" });
});
afterAll(async () => {
  await Promise.all(sessions.map((s) => s.close()));
  await server?.stop();
  await proxy?.stop();
  await emulator?.stop();
});

const jwksFetches = () => proxy.count("/oauth2/jwks");

/** A fresh access token for an existing grant, fetched the way the client would refresh it. */
async function refreshOutOfBand(provider: InMemoryOAuthProvider): Promise<string> {
  const res = await fetch(`${proxy.url}/oauth2/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "refresh_token",
      refresh_token: provider.savedTokens!.refresh_token!,
      client_id: provider.registered!.client_id,
    }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

it("accepts the new key's tokens after exactly one JWKS refetch, and the old key's until they expire", async () => {
  const published = (await (await fetch(`${emulator.url}/oauth2/jwks`)).json()) as { keys: { kid: string }[] };
  expect(published.keys).toHaveLength(1);
  const firstKid = published.keys[0]!.kid;

  // Before the rotation: bob signs in and calls whoami; the server fetches the JWKS once.
  const bob = await connectWithSignIn(server.mcpURL, { email: "bob@acme.test" });
  sessions.push(bob);
  const tokenA = bob.provider.savedTokens!.access_token;
  expect(decodeProtectedHeader(tokenA).kid).toBe(firstKid);
  expect(JSON.parse((await callTool(bob.client, "whoami")).text).email).toBe("bob@acme.test");
  expect(jwksFetches()).toBe(1);

  // A second old-key token, for dana, that the server has not seen: it cannot come from the
  // verified-token cache, so accepting it later proves the retired key is still in the refetched set.
  const dana = await connectWithSignIn(server.mcpURL, { email: "dana@acme.test" });
  sessions.push(dana);
  const unseenOldToken = await refreshOutOfBand(dana.provider);
  expect(decodeProtectedHeader(unseenOldToken).kid).toBe(firstKid);
  expect(jwksFetches()).toBe(1);

  const rotation = await fetch(`${proxy.url}/_emulator/keys/rotate`, { method: "POST" });
  expect(rotation.status).toBe(200);
  const { kid: newKid, published_kids: publishedKids } = (await rotation.json()) as { kid: string; published_kids: string[] };
  expect(newKid).not.toBe(firstKid);
  expect(publishedKids.sort()).toEqual([firstKid, newKid].sort());

  // After the rotation: carol signs in; her token names the new key, which the server does not hold yet.
  const carol = await connectWithSignIn(server.mcpURL, { email: "carol@globex.test" });
  sessions.push(carol);
  const tokenB = carol.provider.savedTokens!.access_token;
  expect(decodeProtectedHeader(tokenB).kid).toBe(newKid);
  expect(JSON.parse((await callTool(carol.client, "whoami")).text)).toMatchObject({
    userId: "user_01CAROL00000000000000000",
    email: "carol@globex.test",
  });
  expect(jwksFetches()).toBe(2);

  // The retired key still verifies: the cached token A, and dana's token seen for the first time now.
  expect(JSON.parse((await callTool(bob.client, "whoami")).text).email).toBe("bob@acme.test");
  const old = await postToolCall(server.mcpURL, unseenOldToken, "whoami");
  expect(old.status).toBe(200);
  expect(JSON.parse(old.text!)).toMatchObject({ userId: "user_01DANA000000000000000000", email: "dana@acme.test" });
  for (let i = 0; i < 5; i++) expect((await postToolCall(server.mcpURL, tokenB, "whoami")).status).toBe(200);
  expect(jwksFetches()).toBe(2);

  // Until it expires, and no longer.
  await sleep(Math.max(0, decodeJwt(unseenOldToken).exp! * 1000 + 1_000 - Date.now()));
  for (const token of [tokenA, unseenOldToken]) {
    const expired = await postToolCall(server.mcpURL, token, "whoami");
    expect(expired.status).toBe(401);
    expect(expired.refusal?.error_description).toBe("Token has expired");
  }
  expect(jwksFetches()).toBe(2);
}, 60_000);
