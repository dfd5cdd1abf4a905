import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  createFetchGuard,
  createWebMiddleware,
  createWorkOSAuth,
  getSession,
  workosCloudflare,
  workosNextjs,
  type AuthInfo,
  type WorkOSAuth,
} from "../src/web/index.js";
import { baseConfig, RESOURCE } from "./helpers/app.js";
import { TestIssuer } from "./helpers/issuer.js";

// The Fetch API adapters run in-process here (a `Request` in, a `Response` out), against a real
// local issuer; the Workers and Next.js examples run them in workerd and `next start`.

const ORIGIN = "http://127.0.0.1:3001";
const PRM = `${ORIGIN}/.well-known/oauth-protected-resource/mcp`;
const silent = { debug() {}, info() {}, warn() {}, error() {} };

let issuer: TestIssuer;
let auth: WorkOSAuth;

beforeAll(async () => {
  issuer = await TestIssuer.start();
  auth = createWorkOSAuth(baseConfig(issuer.url, { logger: silent }));
});
afterAll(async () => {
  await issuer.stop();
});

const request = (path: string, init: RequestInit = {}) => new Request(`${ORIGIN}${path}`, { method: "POST", ...init });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const tokenFor = (sub: string) => issuer.token({ sub, aud: RESOURCE });

/** A handler that answers with the session it sees, as a tool would read it. */
const whoSees = (authInfo?: AuthInfo) => Response.json({ userId: getSession().userId, authInfo: authInfo ?? null });

describe("createFetchGuard", () => {
  const guard = () => createFetchGuard(auth);

  it("answers a request without a token with the challenge, readable from any origin, without running the handler", async () => {
    const next = vi.fn(() => new Response("reached"));
    const res = await guard()(request("/mcp"), next);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe(`Bearer resource_metadata="${PRM}"`);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-expose-headers")).toBe("WWW-Authenticate");
    expect(await res.json()).toEqual({ error: "invalid_token", error_description: "Missing or invalid bearer token" });
    expect(next).not.toHaveBeenCalled();
  });

  it("guards every spelling a router may route to /mcp (percent-escapes, doubled slashes, `;` parameters) and nothing that is not the endpoint", async () => {
    const next = vi.fn(() => new Response("reached"));
    for (const path of ["/%6Dcp", "/m%63p", "/%6D%63%70/x", "//mcp", "/mcp;x=1", "/%2Fmcp", "/MCP%2F", "/%6Dcp/%ZZ"]) {
      expect([path, (await guard()(request(path), next)).status]).toEqual([path, 401]);
    }
    expect(next).not.toHaveBeenCalled();
    for (const path of ["/mcpx", "/%6Dcpx", "/health", "/m%ZZcp"]) expect(await (await guard()(request(path), next)).text(), path).toBe("reached");
  });

  it("refuses a web page's Origin on the MCP path with 403 even with a valid token, and lets loopback pages and Origin-less clients through (MCP transport spec)", async () => {
    const token = await tokenFor("user_01ORIGIN");
    const next = vi.fn(whoSees);
    const rebound = await guard()(request("/mcp", { headers: { ...bearer(token), origin: "http://rebind.evil.example" } }), next);
    expect(rebound.status).toBe(403);
    expect(next).not.toHaveBeenCalled();
    const preflight = await guard()(request("/mcp", { method: "OPTIONS", headers: { origin: "https://evil.example", "access-control-request-method": "POST" } }), next);
    expect(preflight.status).toBe(403);
    expect(next).not.toHaveBeenCalled();
    const local = await guard()(request("/mcp", { headers: { ...bearer(token), origin: "http://localhost:6274" } }), next);
    expect(local.status).toBe(200);
    const noOrigin = await guard()(request("/mcp", { headers: bearer(token) }), next);
    expect(noOrigin.status).toBe(200);
  });

  it("refuses a token for another resource with invalid_token", async () => {
    const token = await issuer.token({ aud: "https://elsewhere.example/mcp" });
    const res = await guard()(request("/mcp", { headers: bearer(token) }), () => new Response("reached"));
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer error="invalid_token", error_description="Token verification failed"/);
  });

  it("runs the handler inside the caller's session and hands it the AuthInfo", async () => {
    const res = await guard()(request("/mcp", { headers: bearer(await tokenFor("user_01ADA")) }), whoSees);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ userId: "user_01ADA", authInfo: { clientId: expect.any(String), scopes: expect.any(Array) } });
  });

  it("on a cached token too, runs the handler inside the session and hands back a handler's throw as a rejection, never a synchronous throw", async () => {
    const headers = bearer(await tokenFor("user_01CACHED"));
    expect((await guard()(request("/mcp", { headers }), whoSees)).status).toBe(200); // verified, now cached
    const hit = guard()(request("/mcp", { headers }), whoSees);
    expect(hit).toBeInstanceOf(Promise);
    expect(await (await hit).json()).toMatchObject({ userId: "user_01CACHED" });
    const failing = guard()(request("/mcp", { headers }), () => {
      throw new Error("handler failed");
    });
    expect(failing).toBeInstanceOf(Promise);
    await expect(failing).rejects.toThrow("handler failed");
  });

  it("keeps concurrent callers apart", async () => {
    const users = Array.from({ length: 50 }, (_, i) => `user_01CONCURRENT${String(i).padStart(3, "0")}`);
    const tokens = await Promise.all(users.map(tokenFor));
    const slowWho = async () => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10));
      return whoSees();
    };
    const seen = await Promise.all(tokens.map(async (token) => (await (await guard()(request("/mcp", { headers: bearer(token) }), slowWho)).json()).userId));
    expect(seen).toEqual(users);
  });

  it("serves the discovery documents and leaves other paths and CORS preflights to the handler", async () => {
    const g = guard();
    const metadata = await g(new Request(`${ORIGIN}/.well-known/oauth-protected-resource/mcp`), () => new Response("reached"));
    expect(await metadata.json()).toMatchObject({ resource: RESOURCE, authorization_servers: [issuer.url] });
    const head = await g(new Request(`${ORIGIN}/.well-known/oauth-protected-resource`, { method: "HEAD" }), () => new Response("reached"));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect(await (await g(new Request(`${ORIGIN}/health`), () => new Response("reached"))).text()).toBe("reached");
    const preflight = new Request(`${ORIGIN}/mcp`, { method: "OPTIONS", headers: { "access-control-request-method": "POST" } });
    expect(await (await g(preflight, () => new Response("reached"))).text()).toBe("reached");
    // An OPTIONS request that is not a preflight is authenticated like any other.
    expect((await g(new Request(`${ORIGIN}/mcp`, { method: "OPTIONS" }), () => new Response("reached"))).status).toBe(401);
  });
});

describe("createWebMiddleware (xmcp's Workers middleware)", () => {
  it("hands xmcp the caller the Worker's fetch handler authenticated, without verifying again or building a second AuthInfo", async () => {
    const middleware = createWebMiddleware(auth);
    const token = await tokenFor("user_01GRACE");
    const verifications = auth.stats().verifications;
    const setAuth = vi.fn();
    let guarded: AuthInfo | undefined;
    const res = await createFetchGuard(auth)(request("/mcp", { headers: bearer(token) }), async (authInfo) => {
      guarded = authInfo;
      const answer = await middleware(request("/mcp", { headers: bearer(token) }), { setAuth });
      return answer ?? new Response("passed");
    });
    expect(await res.text()).toBe("passed");
    expect(setAuth).toHaveBeenCalledWith(expect.objectContaining({ token, resource: new URL(RESOURCE), extra: expect.objectContaining({ userId: "user_01GRACE" }) }));
    // The request's own AuthInfo (its own resource URL), as the guard made it: one per request.
    expect(setAuth.mock.calls[0]![0]).toBe(guarded);
    expect(auth.stats().verifications - verifications).toBe(1);
  });

  it("trusts only a session its own provider opened: another provider's caller is verified again for this resource, and refused", async () => {
    // Two providers in one Worker, for two resources: the request reached this middleware inside
    // a session the other provider opened for its own resource.
    const other = createWorkOSAuth(baseConfig(issuer.url, { logger: silent, baseURL: "http://127.0.0.1:3002" }));
    const middleware = createWebMiddleware(auth);
    const token = await issuer.token({ sub: "user_01OTHER", aud: other.resource });
    const setAuth = vi.fn();
    const res = await createFetchGuard(other)(new Request("http://127.0.0.1:3002/mcp", { method: "POST", headers: bearer(token) }), async () => {
      const answer = await middleware(request("/mcp", { headers: bearer(token) }), { setAuth });
      return answer ?? new Response("passed");
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: "invalid_token" });
    expect(setAuth).not.toHaveBeenCalled();
  });

  it("behind xmcp's own fetch handler still verifies and challenges, and warns once that tools have no session", async () => {
    const warn = vi.fn();
    const middleware = createWebMiddleware(createWorkOSAuth(baseConfig(issuer.url, { logger: { ...silent, warn } })));
    const refused = await middleware(request("/mcp"), { setAuth: () => {} });
    expect(refused?.status).toBe(401);
    expect(refused?.headers.get("www-authenticate")).toBe(`Bearer resource_metadata="${PRM}"`);

    const setAuth = vi.fn();
    expect(await middleware(request("/mcp", { headers: bearer(await tokenFor("user_01HEDY")) }), { setAuth })).toBeUndefined();
    expect(setAuth).toHaveBeenCalledWith(expect.objectContaining({ extra: expect.objectContaining({ userId: "user_01HEDY" }) }));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/workosCloudflare\(\)\.worker/);
  });

  it("behind xmcp's own fetch handler still refuses a web page's Origin with 403, even with a valid token (DNS rebinding)", async () => {
    const middleware = createWebMiddleware(createWorkOSAuth(baseConfig(issuer.url, { logger: silent })));
    const setAuth = vi.fn();
    const headers = { ...bearer(await tokenFor("user_01REBIND")), origin: "http://rebind.evil.example" };
    const refused = await middleware(request("/mcp", { headers }), { setAuth });
    expect(refused?.status).toBe(403);
    expect(await refused?.json()).toMatchObject({ error_description: "Origin not allowed" });
    expect(setAuth).not.toHaveBeenCalled();
  });
});

describe("workosCloudflare", () => {
  it("wraps the Worker xmcp generates: discovery, challenge, and the session around its fetch handler", async () => {
    const workos = workosCloudflare(baseConfig(issuer.url, { logger: silent }));
    const xmcpWorker = { fetch: vi.fn(async (_request: Request, env: { NAME: string }) => Response.json({ userId: getSession().userId, env: env.NAME })) };
    const worker = workos.worker(xmcpWorker);
    expect((await worker.fetch(request("/mcp"), { NAME: "env" }, {})).status).toBe(401);
    expect(xmcpWorker.fetch).not.toHaveBeenCalled();
    const res = await worker.fetch(request("/mcp", { headers: bearer(await tokenFor("user_01ALAN")) }), { NAME: "env" }, {});
    expect(await res.json()).toEqual({ userId: "user_01ALAN", env: "env" });
    expect((await worker.fetch(new Request(`${ORIGIN}/.well-known/oauth-authorization-server`), { NAME: "env" }, {})).status).toBe(200);
  });
});

describe("workosNextjs", () => {
  it("protect() sets request.auth for @xmcp/adapter and runs the handler inside the session", async () => {
    const workos = workosNextjs(baseConfig(issuer.url, { logger: silent }));
    const handler = workos.protect(async (req) => Response.json({ userId: getSession().userId, auth: (req as Request & { auth?: AuthInfo }).auth?.token ?? null }));
    expect((await handler(request("/mcp"))).status).toBe(401);
    const token = await tokenFor("user_01BARBARA");
    expect(await (await handler(request("/mcp", { headers: bearer(token) }))).json()).toEqual({ userId: "user_01BARBARA", auth: token });
  });

  it("protect() authenticates every request its route receives, whatever the path: another route folder, a percent-encoded spelling", async () => {
    const workos = workosNextjs(baseConfig(issuer.url, { logger: silent }));
    const handler = vi.fn(async () => Response.json({ userId: getSession().userId }));
    const guarded = workos.protect(handler);
    for (const path of ["/api/mcp", "/%6Dcp", "/"]) expect((await guarded(request(path))).status, path).toBe(401);
    expect(handler).not.toHaveBeenCalled();
    const res = await guarded(request("/api/mcp", { headers: bearer(await tokenFor("user_01ROUTE")) }));
    expect(await res.json()).toEqual({ userId: "user_01ROUTE" });
  });

  it("discovery answers the .well-known routes and 404s anything else", async () => {
    const { discovery } = workosNextjs(baseConfig(issuer.url, { logger: silent }));
    const prm = await discovery(new Request(`${ORIGIN}/.well-known/oauth-protected-resource/mcp`));
    expect(await prm.json()).toMatchObject({ resource: RESOURCE });
    const preflight = await discovery(new Request(`${ORIGIN}/.well-known/oauth-authorization-server`, { method: "OPTIONS" }));
    expect(preflight.status).toBe(204);
    expect((await discovery(new Request(`${ORIGIN}/.well-known/oauth-protected-resource/other`))).status).toBe(404);
  });
});
