import { request } from "node:http";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { useExampleWithEmulator } from "./helpers/example-fixture.js";

/**
 * What the built example does with requests a browser page or an anonymous client can send
 * before any token is checked: a cross-origin page on the loopback server (DNS rebinding), and a
 * small gzip body that inflates far beyond what an MCP request needs.
 */
const example = useExampleWithEmulator();

function post(headers: Record<string, string>, body: Buffer): Promise<{ status: number; body: string; challenge: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(example.server.mcpURL, { method: "POST", headers: { ...headers, "content-length": String(body.length) }, agent: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text, challenge: res.headers["www-authenticate"] }));
    });
    // The server may answer and close before it has read everything: that is the point.
    req.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error)));
    req.end(body);
  });
}

const initialize = Buffer.from(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: {} }));
const json = { "content-type": "application/json", accept: "application/json, text/event-stream" };

describe("the example server", () => {
  it("refuses a page from another origin with 403 before asking for a token", async () => {
    const res = await post({ ...json, origin: "http://rebound.attacker.example:3001" }, initialize);
    expect(res.status).toBe(403);
    expect(res.challenge).toBeUndefined();
    expect(JSON.parse(res.body)).toEqual({ error: "forbidden", error_description: "Origin not allowed" });
  });

  it("lets the MCP Inspector's loopback origin through to the bearer challenge", async () => {
    const res = await post({ ...json, origin: "http://localhost:6274" }, initialize);
    expect(res.status).toBe(401);
    expect(res.challenge).toMatch(/^Bearer resource_metadata="/);
  });

  it("stops inflating an anonymous gzip body at http.bodySizeLimit (413), without a stack trace", async () => {
    // 2 MB of JSON in about 2 KB of gzip: under xmcp's 10 MB default it would be inflated and parsed in full.
    const bomb = gzipSync(Buffer.from(`{"jsonrpc":"2.0","id":1,"method":"ping","params":{"pad":"${"a".repeat(2 * 1024 * 1024)}"}}`));
    expect(bomb.length).toBeLessThan(10 * 1024);
    const res = await post({ ...json, "content-encoding": "gzip" }, bomb);
    expect(res.status).toBe(413);
    expect(res.body).not.toMatch(/\n\s+at |node_modules|\.js:\d+/);
  });

  it("still answers a small anonymous gzip body with the bearer challenge", async () => {
    const res = await post({ ...json, "content-encoding": "gzip" }, gzipSync(initialize));
    expect(res.status).toBe(401);
    expect(res.challenge).toMatch(/^Bearer resource_metadata="/);
  });
});
