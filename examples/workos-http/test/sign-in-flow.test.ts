import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "@xmcp-dev/authkit-emulator";
import { exampleResource, startExampleServer, type ExampleServer } from "./helpers/example-server.js";
import { callTool, connectWithSignIn } from "../../../e2e/helpers/mcp-client.js";

const silent = { info() {}, warn() {}, error() {} };
let emulator: RunningEmulator;
let server: ExampleServer;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, resources: [exampleResource()], logger: silent });
  server = await startExampleServer(emulator.url);
});
afterAll(async () => {
  await server?.stop();
  await emulator?.stop();
});

describe("the real xmcp endpoint", () => {
  it.each(["/mcp", "/MCP", "/Mcp/"])("refuses an unauthenticated initialize on %s", async (path) => {
    const res = await fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "initialize",
        params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "probe", version: "1" } },
      }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe(`Bearer resource_metadata="${server.url}/.well-known/oauth-protected-resource/mcp"`);
    // xmcp's CORS list plus the challenge header, so browser clients can read it.
    expect(res.headers.get("access-control-expose-headers")).toMatch(/mcp-session-id, WWW-Authenticate$/);
  });
});

describe("sign-in with dynamic client registration", () => {
  it("goes from a 401 challenge to a signed-in whoami", async () => {
    const challenge = await fetch(server.mcpURL, { method: "POST" });
    expect(challenge.status).toBe(401);
    expect(challenge.headers.get("www-authenticate")).toContain(`resource_metadata="${server.url}/.well-known/oauth-protected-resource/mcp"`);

    const { client, provider, close } = await connectWithSignIn(server.mcpURL, { email: "bob@acme.test" });
    try {
      expect(provider.registered?.client_id).toBeTruthy();
      expect(emulator.state.oauthClients.some((c) => c.client_id === provider.registered?.client_id && c.kind === "dcr")).toBe(true);
      const whoami = await callTool(client, "whoami");
      expect(whoami.isError).toBe(false);
      const body = JSON.parse(whoami.text);
      expect(body).toMatchObject({
        userId: "user_01BOB0000000000000000000",
        email: "bob@acme.test",
        organizationId: "org_01ACME000000000000000000",
        role: "member",
      });
    } finally {
      await close();
    }
  });
});
