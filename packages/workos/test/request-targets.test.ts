import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseConfig, startApp, type TestApp } from "./helpers/app.js";
import { TestIssuer } from "./helpers/issuer.js";

// Request targets in absolute form (RFC 9112 §3.2.2) whose path Express (through `parseurl`, which
// falls back to Node's `url.parse`) reads as `/mcp` while the WHATWG parser reads another path or
// refuses them. They are written to the socket byte for byte; fetch and http.request would
// normalise them. (Whitespace that `url.parse` trims never gets this far: Node's HTTP parser
// answers 400 to a target with a tab, form feed, no-break space or backslash, even with
// insecureHTTPParser.)

const silent = { debug() {}, info() {}, warn() {}, error() {} };
let issuer: TestIssuer;
let app: TestApp;

beforeAll(async () => {
  issuer = await TestIssuer.start();
  // The test app's /mcp handler answers with the session it sees: reached without a token, getSession() throws (500).
  app = await startApp(baseConfig(issuer.url, { logger: silent }));
});
afterAll(async () => {
  await app.stop();
  await issuer.stop();
});

/** The status line's code for a POST with this exact request target (latin1 bytes), or 0 if the connection closed without one. */
function postTarget(target: string): Promise<{ status: number; response: string }> {
  const { port } = new URL(app.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1");
    let response = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => (response += chunk));
    socket.on("error", reject);
    socket.on("close", () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0), response }));
    socket.end(Buffer.from(`POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`, "latin1"));
  });
}

describe("absolute-form request targets Express routes to /mcp", () => {
  it.each([
    ["an absolute form with an empty authority", "http:///mcp"],
    ["an absolute form with a port WHATWG refuses", "http://x:99999/mcp"],
  ])("never reach the endpoint without a token: %s", async (_name, target) => {
    const { status, response } = await postTarget(target);
    // Challenged by the guard (401), or not routed (404): never the handler.
    expect([401, 404], `${JSON.stringify(target)} → ${status}`).toContain(status);
    expect(response).not.toContain("No session");
  });

  it("challenges them as it challenges /mcp itself", async () => {
    expect((await postTarget("/mcp")).status).toBe(401);
    expect((await postTarget("http:///mcp")).status).toBe(401);
    expect((await postTarget("http://x:99999/mcp")).status).toBe(401);
  });
});
