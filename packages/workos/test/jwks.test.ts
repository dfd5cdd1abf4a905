import { afterEach, describe, expect, it, vi } from "vitest";
import { resolveConfig } from "../src/config/resolve-config.js";
import { baseConfig, startApp, startupFetchSettled, type TestApp } from "./helpers/app.js";
import { createSigningKey, TestIssuer } from "./helpers/issuer.js";

const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop()));
});

async function setup(cache: Parameters<typeof baseConfig>[1] = {}, beforeStart?: (issuer: TestIssuer) => Promise<void>) {
  const issuer = await TestIssuer.start();
  await beforeStart?.(issuer);
  const app: TestApp = await startApp(baseConfig(issuer.url, cache));
  running.push(app, issuer);
  await startupFetchSettled(app);
  const call = async (token: string) => fetch(`${app.url}/mcp`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
  return { issuer, app, call };
}

describe("JWKS handling", () => {
  it("fetches the key set once for many tokens", async () => {
    const { issuer, call } = await setup();
    for (let i = 0; i < 10; i++) expect((await call(await issuer.token())).status).toBe(200);
    expect(issuer.jwksFetches).toBe(1);
  });

  it("keeps accepting tokens signed by known keys while the JWKS is down after warm-up", async () => {
    const { issuer, call } = await setup({ cache: { jwks: { cacheMaxAgeMs: 0, cooldownMs: 0 }, tokens: false } });
    expect((await call(await issuer.token())).status).toBe(200);
    issuer.jwksMode = "down";
    const res = await call(await issuer.token());
    expect(res.status).toBe(200);
    expect(issuer.jwksFetches).toBeGreaterThan(1); // it did try again, and fell back to the held set
  });

  it("does not make every request wait on a failing JWKS fetch during an outage", async () => {
    const { issuer, call } = await setup({ cache: { jwks: { cacheMaxAgeMs: 0 }, tokens: false } });
    expect((await call(await issuer.token())).status).toBe(200);
    issuer.jwksMode = "down";
    for (let i = 0; i < 10; i++) expect((await call(await issuer.token())).status).toBe(200);
    expect(issuer.jwksFetches).toBe(3); // at start-up, for the first call (cache age 0), then one failed refetch; the rest answered from the held set
  });

  it("answers 503 with Retry-After when the JWKS is down from a cold start, and recovers without a restart", async () => {
    const { issuer, call } = await setup({ cache: { jwks: { cooldownMs: 0 } } }, async (issuer) => void (issuer.jwksMode = "down"));
    const token = await issuer.token();
    const res = await call(token);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("10");
    expect(await res.json()).toEqual({
      error: "temporarily_unavailable",
      error_description: "Token verification is temporarily unavailable; retry shortly",
    });
    issuer.jwksMode = "up";
    expect((await call(token)).status).toBe(200);
  });

  it("trusts the held key set through an outage only for maxStaleMs after its last successful fetch, then answers 503", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const { issuer, call } = await setup({ cache: { jwks: { maxStaleMs: 60 * 60_000 }, tokens: false } });
      expect((await call(await issuer.token())).status).toBe(200);
      issuer.jwksMode = "down";
      vi.setSystemTime(Date.now() + 30 * 60_000); // the set aged out of jose's cache: refetch fails, held set answers
      expect((await call(await issuer.token())).status).toBe(200);
      vi.setSystemTime(Date.now() + 31 * 60_000); // 61 minutes after the last successful fetch
      const res = await call(await issuer.token());
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("10");
      expect((await res.json()).error).toBe("temporarily_unavailable");
      issuer.jwksMode = "up";
      vi.setSystemTime(Date.now() + 10_000); // past the outage back-off
      expect((await call(await issuer.token())).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it("verifies a cached long-lived token again once the key set ages out, so a key withdrawn from the JWKS stops it", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const { issuer, call } = await setup({ cache: { jwks: { cacheMaxAgeMs: 60_000, cooldownMs: 0 } } });
      // A token signed by key-1 that claims to live a year: verified once, then a cache hit.
      const longLived = await issuer.token({ exp: Math.floor(Date.now() / 1000) + 365 * 86_400 });
      expect((await call(longLived)).status).toBe(200);
      expect((await call(longLived)).status).toBe(200);
      // AuthKit withdraws key-1 (say it leaked) and signs with key-2 from now on.
      issuer.keys = [await createSigningKey("key-2")];
      vi.setSystemTime(Date.now() + 61_000); // past the key set's cache age
      // No other request refreshes the set first: the cached token's own expiry sends it back to verification.
      const res = await call(longLived);
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toContain('error="invalid_token"');
    } finally {
      vi.useRealTimers();
    }
  });

  it("ends a cached verification when the key set that made it ages out, not a cacheMaxAgeMs after the verification", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const { issuer, call } = await setup({ cache: { jwks: { cacheMaxAgeMs: 60_000, cooldownMs: 0 } } });
      const fetches = issuer.jwksFetches;
      vi.setSystemTime(Date.now() + 59_000); // the set fetched at start-up has a second left
      const longLived = await issuer.token({ exp: Math.floor(Date.now() / 1000) + 365 * 86_400 });
      expect((await call(longLived)).status).toBe(200);
      expect(issuer.jwksFetches).toBe(fetches); // verified against the held set, not a new one
      // AuthKit withdraws key-1; the set the token was checked against ages out a second later.
      issuer.keys = [await createSigningKey("key-2")];
      vi.setSystemTime(Date.now() + 30_000);
      // Counted from the verification, the entry would still answer for another 30 s.
      const res = await call(longLived);
      expect(res.status).toBe(401);
      expect(issuer.jwksFetches).toBeGreaterThan(fetches); // the aged-out set was fetched again, without key-1
    } finally {
      vi.useRealTimers();
    }
  });

  it("holds a key set for hours by default", () => {
    expect(resolveConfig(baseConfig("https://acme.authkit.app"), {}).jwks.maxStaleMs).toBe(6 * 60 * 60_000);
  });

  it("accepts a valid token when two published keys share its kid, and still refuses a forged one", async () => {
    const twin = await createSigningKey("key-1");
    const { issuer, call } = await setup({ cache: { tokens: false } }, async (issuer) => void issuer.keys.push(twin));
    expect((await call(await issuer.token())).status).toBe(200);
    expect((await call(await issuer.token({}, { key: twin }))).status).toBe(200);
    const forged = await createSigningKey("key-1");
    const res = await call(await issuer.token({}, { key: forged }));
    expect(res.status).toBe(401);
    expect((await res.json()).error_description).toBe("Token verification failed");
  });

  it("does not take a forged token naming a shared kid for an outage: a key rotated in right after is still fetched and accepted", async () => {
    const twin = await createSigningKey("key-1");
    const { issuer, call } = await setup({ cache: { tokens: false } }, async (issuer) => void issuer.keys.push(twin));
    const forged = await createSigningKey("key-1");
    expect((await call(await issuer.token({}, { key: forged }))).status).toBe(401);
    // Had the forged token started the outage back-off, the held set (no key-2) would answer 503 for 5 s.
    const next = await createSigningKey("key-2");
    issuer.keys.push(next);
    expect((await call(await issuer.token({}, { key: next }))).status).toBe(200);
  });

  it("answers 503, not a hang, when the JWKS is slower than the timeout", async () => {
    const { issuer, call } = await setup({ cache: { jwks: { timeoutMs: 200 } } }, async (issuer) => void (issuer.jwksMode = "slow"));
    const started = Date.now();
    const res = await call(await issuer.token());
    expect(res.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it("refetches once on an unknown kid after rotation, then accepts old and new keys", async () => {
    const { issuer, call } = await setup({ cache: { jwks: { cooldownMs: 0 } } });
    const oldToken = await issuer.token();
    expect((await call(oldToken)).status).toBe(200);
    expect(issuer.jwksFetches).toBe(1);

    const next = await createSigningKey("key-2");
    issuer.keys.push(next);
    expect((await call(await issuer.token({}, { key: next }))).status).toBe(200);
    expect(issuer.jwksFetches).toBe(2);
    expect((await call(await issuer.token({}, { key: next }))).status).toBe(200);
    expect((await call(await issuer.token())).status).toBe(200);
    expect(issuer.jwksFetches).toBe(2);
  });

  it("accepts a key rotated in during jose's cooldown after exactly one forced refetch", async () => {
    const { issuer, call } = await setup(); // default 30 s cooldown
    expect((await call(await issuer.token())).status).toBe(200);
    expect(issuer.jwksFetches).toBe(1);
    const next = await createSigningKey("key-2");
    issuer.keys.push(next);
    const tokens = await Promise.all(Array.from({ length: 5 }, () => issuer.token({}, { key: next })));
    const statuses = await Promise.all(tokens.map((t) => call(t).then((r) => r.status)));
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(issuer.jwksFetches).toBe(2);
  });

  it("lets made-up kids force at most one refetch per second", async () => {
    const { issuer, call } = await setup();
    expect((await call(await issuer.token())).status).toBe(200);
    const forged = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => issuer.token({}, { key: await createSigningKey(`made-up-${i}`) })),
    );
    for (const token of forged) expect((await call(token)).status).toBe(401);
    expect(issuer.jwksFetches).toBeLessThanOrEqual(3);
  });

  it("rejects a token whose kid the issuer does not publish, as invalid, not unavailable", async () => {
    const { issuer, call } = await setup({ cache: { jwks: { cooldownMs: 0 } } });
    const unknown = await createSigningKey("key-unknown");
    const res = await call(await issuer.token({}, { key: unknown }));
    expect(res.status).toBe(401);
    expect((await res.json()).error_description).toBe("Token verification failed");
  });
});

describe("required scopes", () => {
  it("answers 403 insufficient_scope naming the scopes, and 401 challenges advertise them", async () => {
    const issuer = await TestIssuer.start();
    const app = await startApp(baseConfig(issuer.url, { requiredScopes: ["mcp:tools", "email"] }));
    running.push(app, issuer);
    const prm = "http://127.0.0.1:3001/.well-known/oauth-protected-resource/mcp";

    const denied = await fetch(`${app.url}/mcp`, { method: "POST", headers: { authorization: `Bearer ${await issuer.token({ scope: "email" })}` } });
    expect(denied.status).toBe(403);
    expect(denied.headers.get("www-authenticate")).toBe(
      `Bearer error="insufficient_scope", error_description="Insufficient scope: requires mcp:tools email", scope="mcp:tools email", resource_metadata="${prm}"`,
    );
    expect(await denied.json()).toEqual({ error: "insufficient_scope", error_description: "Insufficient scope: requires mcp:tools email" });

    const anonymous = await fetch(`${app.url}/mcp`, { method: "POST" });
    expect(anonymous.headers.get("www-authenticate")).toBe(`Bearer scope="mcp:tools email", resource_metadata="${prm}"`);

    const ok = await fetch(`${app.url}/mcp`, { method: "POST", headers: { authorization: `Bearer ${await issuer.token({ scope: "email mcp:tools" })}` } });
    expect(ok.status).toBe(200);
  });

  it("with strictAudience refuses tokens minted for the environment client id", async () => {
    const issuer = await TestIssuer.start();
    const app = await startApp(baseConfig(issuer.url, { strictAudience: true }));
    running.push(app, issuer);
    const res = await fetch(`${app.url}/mcp`, { method: "POST", headers: { authorization: `Bearer ${await issuer.token({ aud: "client_01ENV" })}` } });
    expect(res.status).toBe(401);
  });

  it("honours a configured audience list", async () => {
    const issuer = await TestIssuer.start();
    const app = await startApp(baseConfig(issuer.url, { audience: ["https://api.example.com"], strictAudience: true }));
    running.push(app, issuer);
    const send = async (aud: string) =>
      (await fetch(`${app.url}/mcp`, { method: "POST", headers: { authorization: `Bearer ${await issuer.token({ aud })}` } })).status;
    expect(await send("https://api.example.com")).toBe(200);
    expect(await send("http://127.0.0.1:3001/mcp")).toBe(401);
  });
});
