import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workosProvider, type WorkOSConfig } from "../src/index.js";
import { baseConfig, RESOURCE, startApp, type TestApp } from "./helpers/app.js";
import { TestIssuer } from "./helpers/issuer.js";

/**
 * MCP transport spec (2025-11-25): `Origin` is validated on the MCP endpoint and an invalid one
 * gets 403, so a web page cannot reach a local server through DNS rebinding. Requests are sent
 * with the headers a browser would send: `Origin`, and for a preflight `Access-Control-Request-Method`.
 */

let issuer: TestIssuer;
const apps: TestApp[] = [];
beforeAll(async () => {
  issuer = await TestIssuer.start();
});
afterAll(async () => {
  await Promise.all(apps.map((app) => app.stop()));
  await issuer.stop();
});

async function start(overrides: Partial<WorkOSConfig> = {}) {
  const app = await startApp(baseConfig(issuer.url, overrides), (req, res) => res.json({ userId: req.auth?.extra?.userId ?? null }));
  apps.push(app);
  return async (origin: string | undefined, options: { token?: boolean; method?: string; headers?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (origin !== undefined) headers.origin = origin;
    if (options.token !== false) headers.authorization = `Bearer ${await issuer.token()}`;
    const res = await fetch(`${app.url}/mcp`, { method: options.method ?? "POST", headers });
    return { status: res.status, body: (await res.json().catch(() => undefined)) as unknown, challenge: res.headers.get("www-authenticate") };
  };
}

const refused = { status: 403, body: { error: "forbidden", error_description: "Origin not allowed" }, challenge: null };

describe("a server whose baseURL is loopback (the default)", () => {
  let send: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    send = await start();
  });

  it.each(["https://evil.example", "http://evil.example:3001", "http://127.0.0.1.evil.example", "null", "http://localhost.evil.example", "not an origin", "file://", "chrome-extension://abcdef"])(
    "refuses Origin %s with 403, even with a valid token",
    async (origin) => {
      expect(await send(origin)).toEqual(refused);
    },
  );

  it("refuses a DNS-rebound page before asking for a token (403, not a 401 challenge)", async () => {
    expect(await send("http://attacker.example:3001", { token: false })).toEqual(refused);
  });

  it("refuses a CORS preflight from a non-loopback origin", async () => {
    const preflight = { method: "OPTIONS", token: false, headers: { "access-control-request-method": "POST" } };
    expect((await send("https://evil.example", preflight)).status).toBe(403);
    expect(await send("http://localhost:6274", preflight)).toEqual({ status: 200, body: { userId: null }, challenge: null });
  });

  it.each(["http://localhost:6274", "http://127.0.0.1:3001", "http://[::1]:8080", "https://localhost", "http://app.localhost:5173"])(
    "accepts Origin %s",
    async (origin) => {
      expect(await send(origin)).toEqual({ status: 200, body: { userId: "user_01TEST" }, challenge: null });
    },
  );

  it("leaves requests without Origin alone: 200 with a token, the usual 401 challenge without", async () => {
    expect((await send(undefined)).status).toBe(200);
    const anonymous = await send(undefined, { token: false });
    expect(anonymous.status).toBe(401);
    expect(anonymous.challenge).toMatch(/^Bearer resource_metadata="/);
  });
});

describe("allowedOrigins", () => {
  it("replaces the loopback default with the listed origins and the server's own", async () => {
    const send = await start({ allowedOrigins: ["https://app.example.com", "http://localhost:6274/"] });
    expect((await send("https://app.example.com")).status).toBe(200);
    expect((await send("http://localhost:6274")).status).toBe(200);
    expect((await send("http://127.0.0.1:3001")).status).toBe(200);
    expect(await send("http://localhost:5173")).toEqual(refused);
    expect(await send("https://app.example.com.evil.example")).toEqual(refused);
    expect(await send("HTTPS://APP.EXAMPLE.COM")).toEqual(refused);
  });

  it("applies on a public server too, whose default allows any origin", async () => {
    const publicServer = { baseURL: "https://mcp.example.com", audience: RESOURCE };
    const open = await start(publicServer);
    expect((await open("https://chat.example")).status).toBe(200);
    const listed = await start({ ...publicServer, allowedOrigins: ["https://chat.example"] });
    expect((await listed("https://chat.example")).status).toBe(200);
    expect((await listed("https://mcp.example.com")).status).toBe(200);
    expect(await listed("https://evil.example")).toEqual(refused);
    expect((await listed(undefined)).status).toBe(200);
  });

  it.each([["not a url"], ["https://app.example.com/path"], ["ftp://app.example.com"], ["*"], [42]])("refuses %j at start-up", (entry) => {
    expect(() => workosProvider(baseConfig(issuer.url, { allowedOrigins: [entry as string] }))).toThrow("[WorkOS] allowedOrigins entries must be origins");
  });
});
