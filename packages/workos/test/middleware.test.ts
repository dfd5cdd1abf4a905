import { once } from "node:events";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getSession } from "../src/index.js";
import { baseConfig, RESOURCE, startApp, type TestApp } from "./helpers/app.js";
import { createSigningKey, TestIssuer } from "./helpers/issuer.js";

const PRM = "http://127.0.0.1:3001/.well-known/oauth-protected-resource/mcp";

let issuer: TestIssuer;
let app: TestApp;

beforeAll(async () => {
  issuer = await TestIssuer.start();
  app = await startApp(baseConfig(issuer.url));
});
afterAll(async () => {
  await app.stop();
  await issuer.stop();
});

const call = (headers: Record<string, string> = {}, path = "/mcp") => fetch(`${app.url}${path}`, { method: "POST", headers });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** An origin on 127.0.0.1 where nothing listens: a server was there a moment ago. */
async function closedPortURL(): Promise<string> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

describe("bearer middleware", () => {
  it("answers a request without credentials with a challenge pointing at the path-form metadata", async () => {
    const res = await call();
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe(`Bearer resource_metadata="${PRM}"`);
    expect(await res.json()).toEqual({ error: "invalid_token", error_description: "Missing or invalid bearer token" });
    expect(res.headers.get("access-control-expose-headers")).toBe("WWW-Authenticate");
  });

  it.each([
    ["Basic dXNlcjpwYXNz"],
    ["Bearer"],
    ["Bearer "],
    ["Token abc.def.ghi"],
    ["Bearer a b"],
  ])("treats a malformed Authorization header (%s) like a missing one", async (value) => {
    const res = await call({ authorization: value });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe(`Bearer resource_metadata="${PRM}"`);
    expect((await res.json()).error_description).toBe("Missing or invalid bearer token");
  });

  it("accepts a valid token and exposes the session and req.auth to the handler", async () => {
    const token = await issuer.token({ aud: RESOURCE, role: "admin", permissions: ["posts:write"], act: { sub: "admin@workos" } });
    const res = await call(bearer(token));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.session).toMatchObject({
      userId: "user_01TEST",
      sessionId: "session_01TEST",
      organizationId: "org_01TEST",
      role: "admin",
      permissions: ["posts:write"],
      scopes: ["openid", "profile", "email"],
      clientId: "client_01MCPHOST",
      impersonator: "admin@workos",
    });
    expect(body.auth).toMatchObject({ token, clientId: "client_01MCPHOST", scopes: ["openid", "profile", "email"], resource: RESOURCE });
    expect(body.auth.extra).toEqual({ userId: "user_01TEST", sessionId: "session_01TEST", organizationId: "org_01TEST" });
  });

  it("accepts a lower-case scheme (RFC 9110 §11.1)", async () => {
    const res = await call({ authorization: `bearer ${await issuer.token()}` });
    expect(res.status).toBe(200);
  });

  it.each([
    ["the resource URL", RESOURCE],
    ["the resource URL with a trailing slash", `${RESOURCE}/`],
    ["the environment client id (no resource indicator configured)", "client_01ENV"],
    ["an array containing the resource", ["https://other.example", RESOURCE]],
  ])("accepts aud = %s", async (_label, aud) => {
    expect((await call(bearer(await issuer.token({ aud })))).status).toBe(200);
  });

  it("rejects an expired token with invalid_token / Token has expired", async () => {
    const now = Math.floor(Date.now() / 1000);
    const res = await call(bearer(await issuer.token({ iat: now - 600, exp: now - 120 })));
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe(
      `Bearer error="invalid_token", error_description="Token has expired", resource_metadata="${PRM}"`,
    );
    expect(await res.json()).toEqual({ error: "invalid_token", error_description: "Token has expired" });
  });

  it("tolerates clock skew within clockToleranceSeconds", async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await call(bearer(await issuer.token({ exp: now - 10 })))).status).toBe(200);
  });

  it.each([
    ["wrong issuer", { iss: "https://evil.authkit.app" }],
    ["wrong audience", { aud: "https://other.example/mcp" }],
    ["missing sub", { sub: undefined }],
    ["missing exp", { exp: undefined }],
    ["nbf in the future", { nbf: Math.floor(Date.now() / 1000) + 3600 }],
    ["iat in the future", { iat: Math.floor(Date.now() / 1000) + 3600 }],
  ])("rejects a token with %s as Token verification failed", async (_label, claims) => {
    const res = await call(bearer(await issuer.token(claims)));
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe(
      `Bearer error="invalid_token", error_description="Token verification failed", resource_metadata="${PRM}"`,
    );
    expect(await res.json()).toEqual({ error: "invalid_token", error_description: "Token verification failed" });
  });

  it("rejects a token signed by a key AuthKit does not publish", async () => {
    const stranger = await createSigningKey("key-1"); // same kid, different key
    const res = await call(bearer(await issuer.token({}, { key: stranger })));
    expect(res.status).toBe(401);
    expect((await res.json()).error_description).toBe("Token verification failed");
  });

  it("lets every other path through untouched", async () => {
    const res = await fetch(`${app.url}/health`);
    expect(res.status).toBe(200);
    expect((await fetch(`${app.url}/mcpx`)).status).toBe(404);
  });

  it("guards sub-paths of mcpPath", async () => {
    expect((await call({}, "/mcp/anything")).status).toBe(401);
  });

  it.each(["/MCP", "/Mcp", "/mCp/", "/MCP/anything"])("guards %s: Express routes it to the endpoint case-insensitively", async (path) => {
    const res = await call({}, path);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe(`Bearer resource_metadata="${PRM}"`);
  });

  it("survives a logger that throws", async () => {
    const explode = () => {
      throw new Error("logger down");
    };
    const fragile = await startApp(
      baseConfig(issuer.url, { logger: { debug: explode, info() {}, warn: explode, error: explode } }),
    );
    try {
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${fragile.url}/mcp`, { method: "POST", headers: { authorization: "Bearer nope" } });
        expect(res.status).toBe(401);
      }
      expect((await fetch(`${fragile.url}/mcp`, { method: "POST", headers: bearer(await issuer.token()) })).status).toBe(200);
    } finally {
      await fragile.stop();
    }
  });

  it.each([
    ["throws", () => {
      throw new Error("logger down");
    }],
    ["is async and rejects", async () => {
      throw new Error("logger down");
    }],
  ])("serves the discovery documents and stays up when AuthKit is unreachable and the logger %s", async (_how, explode) => {
    const closed = await closedPortURL();
    const unhandled = vi.fn();
    process.on("unhandledRejection", unhandled);
    const fragile = await startApp(baseConfig(closed, { logger: { debug: explode, info: explode, warn: explode, error: explode } }));
    try {
      const res = await fetch(`${fragile.url}/.well-known/oauth-authorization-server`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ issuer: closed, token_endpoint: `${closed}/oauth2/token` });
      // The start-up fetches (keys, metadata) failed too; their warnings threw inside promise chains.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off("unhandledRejection", unhandled);
      await fragile.stop();
    }
  });

  it("keeps a cached session as it was verified, whatever a tool does to its scopes, lists and claims", async () => {
    const attempts: [string, (session: ReturnType<typeof getSession>) => void][] = [
      ["scopes", (session) => (session.scopes as string[]).push("admin")],
      ["claims.aud", (session) => (session.claims.aud as string[]).push("https://other.example/mcp")],
      ["claims.roles", (session) => (session.claims.roles as string[]).push("admin")],
      ["claims.act", (session) => ((session.claims.act as { sub: string }).sub = "user_01SOMEONEELSE")],
    ];
    const sessions = await startApp(baseConfig(issuer.url), (req, res) => {
      const session = getSession();
      if (req.query.mutate === undefined) return res.json({ session });
      res.json({ mutated: attempts.flatMap(([name, mutate]) => { try { mutate(session); return [name]; } catch { return []; } }) });
    });
    try {
      const token = await issuer.token({ aud: [RESOURCE], roles: ["member"], act: { sub: "user_01ADMIN" } });
      const tried = await fetch(`${sessions.url}/mcp?mutate`, { method: "POST", headers: bearer(token) });
      expect(await tried.json()).toEqual({ mutated: [] });
      const { session } = await (await fetch(`${sessions.url}/mcp`, { method: "POST", headers: bearer(token) })).json();
      expect(session.scopes).toEqual(["openid", "profile", "email"]);
      expect(session.claims).toMatchObject({ aud: [RESOURCE], roles: ["member"], act: { sub: "user_01ADMIN" } });
    } finally {
      await sessions.stop();
    }
  });

  it("gives each request an AuthInfo.resource of its own: a tool that changes one changes no other caller's", async () => {
    const tampering = await startApp(baseConfig(issuer.url), (req, res) => {
      if (req.query.mutate !== undefined) req.auth!.resource!.pathname = "/hijacked";
      res.json({ resource: req.auth!.resource!.href });
    });
    try {
      const first = await issuer.token({ aud: RESOURCE });
      const second = await issuer.token({ aud: RESOURCE, sub: "user_01OTHER" });
      const tampered = await fetch(`${tampering.url}/mcp?mutate`, { method: "POST", headers: bearer(first) });
      expect(await tampered.json()).toEqual({ resource: "http://127.0.0.1:3001/hijacked" });
      // Another caller, and the same caller again (a token cache hit): both see the configured resource.
      for (const token of [second, first]) {
        const res = await fetch(`${tampering.url}/mcp`, { method: "POST", headers: bearer(token) });
        expect(await res.json()).toEqual({ resource: RESOURCE });
      }
    } finally {
      await tampering.stop();
    }
  });

  describe("OPTIONS", () => {
    let echo: TestApp;
    beforeAll(async () => {
      echo = await startApp(baseConfig(issuer.url), (req, res) => res.json({ authenticated: req.auth !== undefined }));
    });
    afterAll(() => echo.stop());
    const options = (headers: Record<string, string>) => fetch(`${echo.url}/mcp`, { method: "OPTIONS", headers });

    it("lets CORS preflights through without credentials", async () => {
      const res = await options({ origin: "http://localhost:6274", "access-control-request-method": "POST" });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ authenticated: false });
    });

    it("authenticates an OPTIONS request that is not a preflight (no Access-Control-Request-Method)", async () => {
      const notPreflights: Record<string, string>[] = [{}, { origin: "http://localhost:6274" }, { "access-control-request-headers": "authorization" }];
      for (const headers of notPreflights) {
        const res = await options(headers);
        expect(res.status).toBe(401);
        expect(res.headers.get("www-authenticate")).toBe(`Bearer resource_metadata="${PRM}"`);
      }
      const ok = await options(bearer(await issuer.token()));
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ authenticated: true });
    });
  });
});

describe("verified-token cache", () => {
  afterEach(() => vi.restoreAllMocks());

  it("verifies a repeated token's signature once", async () => {
    const verifications = () => app.provider.stats().verifications;
    const before = verifications();
    const token = await issuer.token();
    for (let i = 0; i < 5; i++) expect((await call(bearer(token))).status).toBe(200);
    expect(verifications() - before).toBe(1);
    expect((await call(bearer(await issuer.token()))).status).toBe(200);
    expect(verifications() - before).toBe(2);
  });

  it("stops honouring a cached token at its exp", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const now = Math.floor(Date.now() / 1000);
      const token = await issuer.token({ exp: now + 60 });
      expect((await call(bearer(token))).status).toBe(200);
      vi.setSystemTime((now + 120) * 1000); // past exp + 30 s tolerance
      const res = await call(bearer(token));
      expect(res.status).toBe(401);
      expect((await res.json()).error_description).toBe("Token has expired");
    } finally {
      vi.useRealTimers();
    }
  });

  it("verifies every time when disabled", async () => {
    const uncached = await startApp(baseConfig(issuer.url, { cache: { tokens: false } }));
    try {
      const token = await issuer.token();
      for (let i = 0; i < 3; i++) expect((await fetch(`${uncached.url}/mcp`, { method: "POST", headers: bearer(token) })).status).toBe(200);
      expect(uncached.provider.stats()).toMatchObject({ verifications: 3, tokenCache: { hits: 0, misses: 0 } });
    } finally {
      await uncached.stop();
    }
  });
});
