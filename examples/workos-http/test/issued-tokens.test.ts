import { afterAll, describe, expect, it } from "vitest";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { WorkOS } from "@workos-inc/node";
import { useExampleWithEmulator } from "./helpers/example-fixture.js";
import { callTool, connectWithSignIn } from "../../../e2e/helpers/mcp-client.js";

// Integration tests of the example's tools with tokens from the kit: no browser, no login forms.
// The emulator configures this build's resource, so tokens are bound to it as in production.
const example = useExampleWithEmulator();
const clients: Client[] = [];
afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
});

/** The official MCP client, holding a bearer token as a host does after signing in. */
async function connectWithToken(accessToken: string): Promise<Client> {
  const client = new Client({ name: "xmcp-workos-e2e", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(example.server.mcpURL), { requestInit: { headers: { authorization: `Bearer ${accessToken}` } } }));
  clients.push(client);
  return client;
}

const whoami = async (client: Client) => JSON.parse((await callTool(client, "whoami")).text) as Record<string, unknown>;

describe("tokens from emulator.issueAccessToken at the built server", () => {
  it("each of two users is answered as themselves, with the access their role gives", async () => {
    const alice = await connectWithToken((await example.emulator.issueAccessToken({ user: "alice@acme.test", organization: "Acme Corp", resource: example.server.mcpURL })).accessToken);
    const bob = await connectWithToken((await example.emulator.issueAccessToken({ user: "bob@acme.test", organization: "Acme Corp", resource: example.server.mcpURL })).accessToken);
    expect(await whoami(alice)).toMatchObject({ email: "alice@acme.test", role: "admin" });
    expect(await whoami(bob)).toMatchObject({ email: "bob@acme.test", role: "member" });
    expect((await callTool(alice, "list-members")).isError).toBe(false);
    expect(await callTool(bob, "list-members")).toMatchObject({ isError: true });
  });

  it("are accepted exactly like OAuth-issued ones: the tools see the same caller", async () => {
    const signedIn = await connectWithSignIn(example.server.mcpURL, { email: "dana@acme.test" });
    clients.push(signedIn.client);
    const issued = await connectWithToken((await example.emulator.issueAccessToken({ user: "dana@acme.test", organization: "Acme Corp", resource: example.server.mcpURL })).accessToken);
    const differsPerSignIn = ["sessionId", "clientId", "expiresAt"];
    const strip = (who: Record<string, unknown>) => Object.fromEntries(Object.entries(who).filter(([key]) => !differsPerSignIn.includes(key)));
    expect(strip(await whoami(issued))).toEqual(strip(await whoami(signedIn.client)));
  });

  it("revoking the token's session through the WorkOS API ends it as for any session", async () => {
    const issued = await example.emulator.issueAccessToken({ user: "carol@globex.test", organization: "Globex", resource: example.server.mcpURL });
    const workos = new WorkOS(example.emulator.apiKey, { clientId: example.emulator.clientId, apiHostname: "127.0.0.1", port: example.emulator.port, https: false, maxRetries: 0 });
    await workos.userManagement.revokeSession({ sessionId: issued.sessionId });
    // listSessions lists active sessions only (as WorkOS's does): the revoked one has left it.
    const sessions = await workos.userManagement.listSessions("user_01CAROL00000000000000000");
    expect(sessions.data.map((session) => session.id)).not.toContain(issued.sessionId);
    const refreshed = await fetch(`${example.emulator.url}/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: issued.refreshToken!, client_id: issued.clientId }),
    });
    expect(refreshed.status).toBe(400);
    expect(await refreshed.json()).toMatchObject({ error: "invalid_grant" });
  });
});
