import express from "express";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSession, workosProvider, type WorkOSProvider } from "../src/index.js";
import { baseConfig, RESOURCE } from "./helpers/app.js";
import { TestIssuer } from "./helpers/issuer.js";

/**
 * A repeated token (every MCP request after a client's first) is answered from the
 * verified-token cache without a promise: the middleware hands the request on before it returns.
 * The checks a cached session must still pass are not skipped on that path (its expiry:
 * middleware.test.ts, "stops honouring a cached token at its exp"; the audience rule:
 * audience-binding.test.ts).
 */
let issuer: TestIssuer;
let provider: WorkOSProvider;
let server: Server;
let url: string;

beforeAll(async () => {
  issuer = await TestIssuer.start();
  provider = workosProvider(baseConfig(issuer.url, { requiredScopes: ["openid"] }));
  const app = express();
  // Records whether the provider called next() before it returned, i.e. in the same tick.
  app.use((req, res, next) => {
    let returned = false;
    provider(req, res, (error?: unknown) => {
      res.locals.sameTick = !returned;
      next(error);
    });
    returned = true;
  });
  app.post("/mcp", (_req, res) => res.json({ sameTick: res.locals.sameTick, userId: getSession().userId }));
  server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await issuer.stop();
});

const call = (token: string) => fetch(url, { method: "POST", headers: { authorization: `Bearer ${token}` } });

describe("the verified-token cache hit path", () => {
  it("verifies a new token asynchronously, then hands its repeats on in the same tick with the same session", async () => {
    const token = await issuer.token({ aud: RESOURCE, sub: "user_01FAST" });
    const before = provider.stats().tokenCache;

    const first = await call(token);
    expect(await first.json()).toEqual({ sameTick: false, userId: "user_01FAST" });
    const second = await call(token);
    expect(await second.json()).toEqual({ sameTick: true, userId: "user_01FAST" });

    const after = provider.stats().tokenCache;
    expect({ hits: after.hits - before.hits, misses: after.misses - before.misses }).toEqual({ hits: 1, misses: 1 });
  });

  it("still refuses a cached token that lacks a required scope, every time", async () => {
    const token = await issuer.token({ aud: RESOURCE, scope: "profile" });
    for (let attempt = 0; attempt < 2; attempt++) {
      const res = await call(token);
      expect(res.status).toBe(403);
      expect((await res.json()).error).toBe("insufficient_scope");
    }
  });
});
