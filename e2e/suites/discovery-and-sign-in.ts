import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "@xmcp-dev/authkit-emulator";
import { auditEvents } from "../helpers/emulator-admin.js";
import { callTool, connectWithSignIn } from "../helpers/mcp-client.js";
import { postInitialize, postToolCall } from "../helpers/raw-tool-call.js";
import type { RunningTarget, Target } from "../helpers/target.js";

const silent = { info() {}, warn() {}, error() {} };

/**
 * What an MCP host meets before it holds a token, on one target: the 401 challenge that points at
 * the RFC 9728 document, that document at the path clients compute from the endpoint (RFC 9728
 * §3.1) and at the root, AuthKit's RFC 8414 document, then a sign-in with dynamic client
 * registration through the emulator that ends in a tool call.
 */
export function describeDiscoveryAndSignIn(target: Target): void {
  let emulator: RunningEmulator;
  let server: RunningTarget;

  beforeAll(async () => {
    const reserved = await target.reserve();
    emulator = await startEmulator({ port: 0, resources: [reserved.mcpURL], logger: silent });
    server = await reserved.start(emulator.url);
  });
  afterAll(async () => {
    await server?.stop();
    await emulator?.stop();
  });

  describe("the 401 challenge", () => {
    it("answers a request without a token with a challenge that names the metadata document", async () => {
      const res = await postInitialize(server.mcpURL, { origin: "http://127.0.0.1:6274" });
      expect(res.status).toBe(401);
      // RFC 6750 §3.1: no error code when the request carried no credentials.
      expect(res.headers.get("www-authenticate")).toBe(`Bearer resource_metadata="${server.url}/.well-known/oauth-protected-resource/mcp"`);
      // A browser-based client (the MCP Inspector) must be allowed to read the challenge.
      expect(res.headers.get("access-control-allow-origin")).toMatch(/^(\*|http:\/\/127\.0\.0\.1:6274)$/);
      expect(res.headers.get("access-control-expose-headers")).toMatch(/WWW-Authenticate/i);
      expect(await res.json()).toMatchObject({ error: "invalid_token" });
    });

    it("refuses a forged token with invalid_token and never reaches a tool", async () => {
      const auditEventsBefore = (await auditEvents(emulator.url)).length;
      const forged = ["eyJhbGciOiJSUzI1NiJ9", "eyJzdWIiOiJ1c2VyXzAxQk9CIn0", "c2lnbmF0dXJl"].join(".");
      const result = await postToolCall(server.mcpURL, forged, "record-audit-event", { action: "report.exported", target: "forged" });
      expect(result.status).toBe(401);
      expect(result.wwwAuthenticate).toMatch(/^Bearer error="invalid_token", error_description="[^"]+", resource_metadata="/);
      expect(result.refusal).toMatchObject({ error: "invalid_token" });
      expect(await auditEvents(emulator.url)).toHaveLength(auditEventsBefore);
    });

    // Routers decode and fold paths before matching (Fastify decodes `/%6Dcp` to `/mcp`; Next.js
    // tries the decoded path): whichever spellings a target routes to the endpoint, none is served
    // without a token.
    it.each(["/%6Dcp", "/%6dcp", "/m%63p", "/MCP", "/mcp/", "//mcp"])("never serves the MCP endpoint at %s without a token", async (path) => {
      const res = await postInitialize(`${server.url}${path}`);
      const body = await res.text();
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(body).not.toContain("serverInfo");
    });

    it("refuses another scheme as a missing token", async () => {
      const res = await fetch(server.mcpURL, { method: "POST", headers: { authorization: "Basic YWxpY2U6c2VjcmV0" } });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toBe(`Bearer resource_metadata="${server.url}/.well-known/oauth-protected-resource/mcp"`);
    });
  });

  describe("discovery documents", () => {
    it.each(["/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource"])("serves RFC 9728 metadata at %s", async (path) => {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(await res.json()).toMatchObject({
        resource: server.mcpURL,
        authorization_servers: [emulator.url],
        bearer_methods_supported: ["header"],
      });
    });

    it("answers the CORS preflight of a browser-based client", async () => {
      const res = await fetch(`${server.url}/.well-known/oauth-protected-resource/mcp`, {
        method: "OPTIONS",
        headers: { origin: "http://127.0.0.1:6274", "access-control-request-method": "GET", "access-control-request-headers": "mcp-protocol-version" },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(res.headers.get("access-control-allow-headers")).toMatch(/MCP-Protocol-Version/i);
    });

    it("serves AuthKit's RFC 8414 metadata for clients that look for it on the resource server", async () => {
      const res = await fetch(`${server.url}/.well-known/oauth-authorization-server`);
      expect(res.status).toBe(200);
      const document = (await res.json()) as Record<string, unknown>;
      expect(document).toMatchObject({
        issuer: emulator.url,
        authorization_endpoint: `${emulator.url}/oauth2/authorize`,
        token_endpoint: `${emulator.url}/oauth2/token`,
        registration_endpoint: `${emulator.url}/oauth2/register`,
      });
      expect(document.code_challenge_methods_supported).toContain("S256");
    });
  });

  describe("sign-in with dynamic client registration", () => {
    it("goes from the challenge to a signed-in whoami", async () => {
      const { client, provider, close } = await connectWithSignIn(server.mcpURL, { email: "bob@acme.test" });
      try {
        expect(emulator.state.oauthClients.some((c) => c.client_id === provider.registered?.client_id && c.kind === "dcr")).toBe(true);
        const whoami = await callTool(client, "whoami");
        expect(whoami.isError).toBe(false);
        expect(JSON.parse(whoami.text)).toMatchObject({
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
}
