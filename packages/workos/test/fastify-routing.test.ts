import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFastifyPlugin, createWorkOSAuth, getSession } from "../src/fastify/index.js";
import { baseConfig, RESOURCE } from "./helpers/app.js";
import { TestIssuer } from "./helpers/issuer.js";

// Fastify's router (find-my-way) decodes percent-encoded characters before it matches a route,
// and its options fold duplicate slashes, `;` parameters and letter case. Every spelling it routes
// to `/mcp` must meet the guard, not only the literal `/mcp`.

const silent = { debug() {}, info() {}, warn() {}, error() {} };
let issuer: TestIssuer;

beforeAll(async () => {
  issuer = await TestIssuer.start();
});
afterAll(async () => {
  await issuer.stop();
});

/** A real Fastify server on port 0 with the plugin and a `/mcp` route that reports the session it sees. */
async function serve(options: FastifyServerOptions): Promise<{ app: FastifyInstance; port: number }> {
  const app = Fastify(options);
  await app.register(createFastifyPlugin(createWorkOSAuth(baseConfig(issuer.url, { logger: silent }))));
  app.post("/mcp", async () => ({ reached: true, userId: getSession().userId }));
  await app.listen({ host: "127.0.0.1", port: 0 });
  return { app, port: (app.server.address() as AddressInfo).port };
}

/** A POST with the request target exactly as given (fetch would normalise some of them). */
function post(port: number, target: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, method: "POST", path: target, headers: { "content-type": "application/json", ...headers } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end("{}");
  });
}

const spellings = ["/mcp", "/%6Dcp", "/%6dcp", "/m%63p", "/%6D%63%70", "//mcp", "/mcp;x=1", "/mcp;/../x", "/MCP", "/Mcp"];

describe.each([
  ["Fastify's defaults", {}],
  ["ignoreDuplicateSlashes, useSemicolonDelimiter, caseSensitive: false", { routerOptions: { ignoreDuplicateSlashes: true, useSemicolonDelimiter: true, caseSensitive: false } }],
] as const)("createFastifyPlugin with %s", (_name, options) => {
  let server: { app: FastifyInstance; port: number };
  beforeAll(async () => {
    server = await serve(options as FastifyServerOptions);
  });
  afterAll(async () => {
    await server.app.close();
  });

  it("challenges every spelling of the MCP path that Fastify routes to /mcp, and never runs the route without a token", async () => {
    let challenged = 0;
    for (const target of spellings) {
      const res = await post(server.port, target);
      // Either Fastify does not route it (404) or the guard answers; the route itself never runs.
      expect(res.body, target).not.toContain("reached");
      expect([401, 404], target).toContain(res.status);
      if (res.status === 401) challenged++;
    }
    // "/mcp" and its percent-encoded spellings always reach the route, so they must have been challenged.
    expect(challenged).toBeGreaterThanOrEqual(5);
  });

  it("runs the route with the caller's session for a valid token sent to an encoded spelling", async () => {
    const token = await issuer.token({ sub: "user_01ENCODED", aud: RESOURCE });
    const res = await post(server.port, "/%6Dcp", { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ reached: true, userId: "user_01ENCODED" });
  });
});

describe("createFastifyPlugin and Fastify's encapsulation", () => {
  it("guards the MCP route of an encapsulated plugin registered after it, as the README says to", async () => {
    const app = Fastify();
    await app.register(createFastifyPlugin(createWorkOSAuth(baseConfig(issuer.url, { logger: silent }))));
    await app.register(async (child) => {
      child.post("/mcp", async () => ({ reached: true, userId: getSession().userId }));
    });
    await app.listen({ host: "127.0.0.1", port: 0 });
    try {
      const { port } = app.server.address() as AddressInfo;
      expect((await post(port, "/mcp")).status).toBe(401);
      const token = await issuer.token({ sub: "user_01CHILD", aud: RESOURCE });
      expect(JSON.parse((await post(port, "/mcp", { authorization: `Bearer ${token}` })).body)).toEqual({ reached: true, userId: "user_01CHILD" });
    } finally {
      await app.close();
    }
  });

  it("refuses to start when an encapsulated plugin registered before it adds the MCP route, which its hooks would never reach", async () => {
    const app = Fastify();
    await app.register(async (child) => {
      child.route({ method: ["GET", "POST"], url: "/mcp", handler: async () => ({ reached: true }) });
    });
    await app.register(createFastifyPlugin(createWorkOSAuth(baseConfig(issuer.url, { logger: silent }))));
    try {
      await expect(app.listen({ host: "127.0.0.1", port: 0 })).rejects.toThrow(
        "[WorkOS] POST, GET, HEAD /mcp was registered before the @xmcp-dev/workos Fastify plugin, in a plugin of its own, so the plugin's hooks never run for it: register createFastifyPlugin first",
      );
      expect(app.server.listening).toBe(false);
    } finally {
      await app.close();
    }
  });

  it("starts with every method of the MCP route registered after it, in the root or in a plugin of its own (Fastify's automatic HEAD route too)", async () => {
    const app = Fastify();
    await app.register(createFastifyPlugin(createWorkOSAuth(baseConfig(issuer.url, { logger: silent }))));
    app.get("/mcp", async () => ({ reached: true }));
    await app.register(async (child) => {
      child.route({ method: ["POST", "DELETE"], url: "/mcp", handler: async () => ({ reached: true }) });
    });
    try {
      await app.listen({ host: "127.0.0.1", port: 0 });
      const { port } = app.server.address() as AddressInfo;
      expect((await post(port, "/mcp")).status).toBe(401);
    } finally {
      await app.close();
    }
  });
});
