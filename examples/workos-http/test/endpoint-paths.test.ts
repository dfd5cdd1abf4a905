import { describe, expect, it } from "vitest";
import { postInitialize } from "../../../e2e/helpers/raw-tool-call.js";
import { useExampleWithEmulator } from "./helpers/example-fixture.js";

// The challenge, discovery and sign-in on /mcp are the shared suite's (discovery-and-sign-in.test.ts).

const example = useExampleWithEmulator();

describe("the real xmcp endpoint", () => {
  // Express routes paths case-insensitively and with a trailing slash: the guard must match as it does.
  it.each(["/mcp", "/MCP", "/Mcp/"])("refuses an unauthenticated initialize on %s", async (path) => {
    const res = await postInitialize(`${example.server.url}${path}`);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe(`Bearer resource_metadata="${example.server.url}/.well-known/oauth-protected-resource/mcp"`);
    // xmcp's CORS list plus the challenge header, so browser clients can read it.
    expect(res.headers.get("access-control-expose-headers")).toMatch(/mcp-session-id, WWW-Authenticate$/);
  });
});
