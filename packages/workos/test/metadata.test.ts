import { afterEach, describe, expect, it } from "vitest";
import { baseConfig, startApp } from "./helpers/app.js";
import { TestIssuer } from "./helpers/issuer.js";
import { recordingLogger } from "./helpers/recording-logger.js";

const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop()));
});

describe("protected resource metadata (RFC 9728)", () => {
  it.each(["/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp"])("serves %s", async (path) => {
    const issuer = await TestIssuer.start();
    const app = await startApp(
      baseConfig(issuer.url, { docsURL: "https://docs.example.com/mcp", scopesSupported: ["openid", "email"] }),
    );
    running.push(app, issuer);
    const res = await fetch(`${app.url}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("cache-control")).toContain("max-age");
    expect(await res.json()).toEqual({
      resource: "http://127.0.0.1:3001/mcp",
      authorization_servers: [issuer.url],
      bearer_methods_supported: ["header"],
      scopes_supported: ["openid", "email"],
      resource_documentation: "https://docs.example.com/mcp",
    });
  });

  it("follows a custom mcpPath in the path form and the resource", async () => {
    const issuer = await TestIssuer.start();
    const app = await startApp(baseConfig(issuer.url, { mcpPath: "/api/mcp" }));
    running.push(app, issuer);
    const doc = await (await fetch(`${app.url}/.well-known/oauth-protected-resource/api/mcp`)).json();
    expect(doc.resource).toBe("http://127.0.0.1:3001/api/mcp");
    expect(doc).not.toHaveProperty("scopes_supported");
    expect(doc).not.toHaveProperty("resource_documentation");
    const challenge = await fetch(`${app.url}/api/mcp`, { method: "POST" });
    expect(challenge.headers.get("www-authenticate")).toBe(
      'Bearer resource_metadata="http://127.0.0.1:3001/.well-known/oauth-protected-resource/api/mcp"',
    );
  });

  it("answers CORS preflights", async () => {
    const issuer = await TestIssuer.start();
    const app = await startApp(baseConfig(issuer.url));
    running.push(app, issuer);
    const res = await fetch(`${app.url}/.well-known/oauth-protected-resource/mcp`, { method: "OPTIONS" });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-headers")).toContain("MCP-Protocol-Version");
  });
});

describe("authorization server metadata (RFC 8414 pass-through)", () => {
  it("passes AuthKit's document through and caches it", async () => {
    const issuer = await TestIssuer.start();
    const app = await startApp(baseConfig(issuer.url));
    running.push(app, issuer);
    for (let i = 0; i < 3; i++) {
      const doc = await (await fetch(`${app.url}/.well-known/oauth-authorization-server`)).json();
      expect(doc).toMatchObject({ issuer: issuer.url, marker: "from-issuer", client_id_metadata_document_supported: true });
    }
    expect(issuer.metadataFetches).toBe(1);
  });

  it("serves the cached document stale when AuthKit goes down", async () => {
    const issuer = await TestIssuer.start();
    const { logger, lines } = recordingLogger();
    const app = await startApp(baseConfig(issuer.url, { logger, cache: { metadata: { ttlSeconds: 0 } } }));
    running.push(app, issuer);
    await fetch(`${app.url}/.well-known/oauth-authorization-server`);
    issuer.metadataMode = "down";
    const doc = await (await fetch(`${app.url}/.well-known/oauth-authorization-server`)).json();
    expect(doc.marker).toBe("from-issuer");
    expect(issuer.metadataFetches).toBe(2);
    expect(lines.some((l) => l.level === "warn" && l.message.includes("serving the cached document"))).toBe(true);
  });

  it("serves a static fallback listing `none` and logs a warning when it was never fetched", async () => {
    const issuer = await TestIssuer.start();
    issuer.metadataMode = "down";
    const { logger, lines } = recordingLogger();
    const app = await startApp(baseConfig(issuer.url, { logger }));
    running.push(app, issuer);
    const res = await fetch(`${app.url}/.well-known/oauth-authorization-server`);
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc).not.toHaveProperty("marker");
    expect(doc).toMatchObject({
      issuer: issuer.url,
      authorization_endpoint: `${issuer.url}/oauth2/authorize`,
      token_endpoint: `${issuer.url}/oauth2/token`,
      registration_endpoint: `${issuer.url}/oauth2/register`,
      code_challenge_methods_supported: ["S256"],
      client_id_metadata_document_supported: true,
    });
    expect(doc.token_endpoint_auth_methods_supported).toContain("none");
    expect(lines.filter((l) => l.level === "warn").map((l) => l.message)).toEqual([
      "[WorkOS] AuthKit metadata unreachable and never fetched; serving a static fallback",
    ]);
  });

  it("refuses a document whose issuer does not match (RFC 8414 §3.3)", async () => {
    const issuer = await TestIssuer.start();
    issuer.metadataMode = "wrong-issuer";
    const app = await startApp(baseConfig(issuer.url));
    running.push(app, issuer);
    const doc = await (await fetch(`${app.url}/.well-known/oauth-authorization-server`)).json();
    expect(doc.issuer).toBe(issuer.url);
    expect(doc).not.toHaveProperty("marker");
  });

  it("coalesces concurrent first requests into one fetch", async () => {
    const issuer = await TestIssuer.start();
    const app = await startApp(baseConfig(issuer.url));
    running.push(app, issuer);
    await Promise.all(Array.from({ length: 10 }, () => fetch(`${app.url}/.well-known/oauth-authorization-server`)));
    expect(issuer.metadataFetches).toBe(1);
  });
});
