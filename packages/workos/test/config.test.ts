import { describe, expect, it } from "vitest";
import { resolveConfig } from "../src/config/resolve-config.js";
import { normalizeAuthkitDomain, workosProvider, type WorkOSConfig } from "../src/index.js";

const valid: WorkOSConfig = {
  apiKey: "sk_test_abc",
  clientId: "client_01ABC",
  baseURL: "https://mcp.example.com",
  authkitDomain: "acme.authkit.app",
};

describe("configuration", () => {
  it.each(["apiKey", "clientId", "baseURL", "authkitDomain"] as const)("names a missing %s", (name) => {
    const config = { ...valid, [name]: undefined };
    expect(() => resolveConfig(config, {})).toThrow(new TypeError(`[WorkOS] Missing required config: ${name}`));
  });

  it.each([
    [{ apiKey: "pk_abc" }, "[WorkOS] apiKey must start with sk_"],
    [{ clientId: "abc" }, "[WorkOS] clientId must start with client_"],
    [{ baseURL: "not a url" }, "[WorkOS] baseURL must be an absolute URL"],
    [{ baseURL: "http://mcp.example.com" }, "[WorkOS] baseURL must use https"],
    [{ baseURL: "https://mcp.example.com/mcp" }, "[WorkOS] baseURL must be an origin with no path"],
    [{ authkitDomain: "http://acme.authkit.app" }, "[WorkOS] authkitDomain must use https"],
    [{ authkitDomain: "https://acme.authkit.app/oauth2" }, "[WorkOS] authkitDomain must be a bare host"],
    [{ mcpPath: "mcp" }, "[WorkOS] mcpPath must be a path starting with"],
    [{ requiredScopes: ["a b"] }, "[WorkOS] requiredScopes must be an array"],
    [{ clockToleranceSeconds: -1 }, "[WorkOS] clockToleranceSeconds must be a number"],
    [{ apiURL: "http://api.example.com" }, "[WorkOS] apiURL must use https"],
    [{ audience: [] }, "[WorkOS] audience must be a non-empty"],
    [{ strictAudience: "yes" }, "[WorkOS] strictAudience must be true or false"],
    [{ mcpPath: "/mcp/ünïcode" }, "[WorkOS] mcpPath must be a path starting with"],
    [{ apiHostname: "api.example.com", apiHttps: false }, "[WorkOS] apiHttps: false is allowed only for localhost"],
    [{ mcpPath: '/mcp",error="x' }, "[WorkOS] mcpPath must be a path starting with"],
    [{ mcpPath: "/mcp\\x" }, "[WorkOS] mcpPath must be a path starting with"],
    [{ requiredScopes: ['mcp:tools",resource_metadata="https://evil.example'] }, "[WorkOS] requiredScopes must be an array"],
    [{ scopesSupported: ["a\\b"] }, "[WorkOS] scopesSupported must be an array"],
    [{ docsURL: "javascript:alert(document.domain)" }, '[WorkOS] docsURL must be an absolute http(s) URL, got "javascript:alert(document.domain)"'],
    [{ docsURL: "data:text/html,<script>alert(1)</script>" }, "[WorkOS] docsURL must be an absolute http(s) URL"],
    [{ docsURL: "ftp://docs.example.com" }, "[WorkOS] docsURL must be an absolute http(s) URL"],
    [{ docsURL: "/docs" }, "[WorkOS] docsURL must be an absolute http(s) URL"],
  ])("rejects %j with a hint", (override, message) => {
    expect(() => workosProvider({ ...valid, ...override } as WorkOSConfig)).toThrow(message);
  });

  it.each([
    ["authkitDomain", { authkitDomain: "sk_test_a1B2c3D4e5F6g7H8" }],
    ["authkitDomain", { authkitDomain: "https://sk_test_a1B2c3D4e5F6g7H8/" }],
    ["baseURL", { baseURL: "https://sk_test_a1B2c3D4e5F6g7H8.example" }],
    ["apiURL", { apiURL: "https://sk_test_a1B2c3D4e5F6g7H8.example" }],
    ["apiHostname", { apiHostname: "sk_test_a1B2c3D4e5F6g7H8" }],
    // Published settings: in the protected resource metadata and every WWW-Authenticate challenge.
    ["docsURL", { docsURL: "https://sk_test_a1B2c3D4e5F6g7H8.example.com/" }],
    ["mcpPath", { mcpPath: "/sk_test_a1B2c3D4e5F6g7H8" }],
    ["audience", { audience: ["https://mcp.example.com/mcp", "sk_test_a1B2c3D4e5F6g7H8"] }],
    ["allowedOrigins", { allowedOrigins: ["https://sk_test_a1B2c3D4e5F6g7H8.example"] }],
    ["scopesSupported", { scopesSupported: ["sk_test_a1B2c3D4e5F6g7H8"] }],
  ])("refuses an API key pasted into %s without quoting it", (name, misplaced) => {
    let message = "";
    try {
      resolveConfig({ ...valid, ...misplaced }, {});
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`[WorkOS] ${name} holds what looks like a WorkOS API key (sk_…)`);
    expect(message).not.toContain("a1B2c3D4e5F6g7H8");
  });

  it("does not echo an API key pasted into a numeric cache setting", () => {
    const key = "sk_test_a1B2c3D4e5F6g7H8";
    expect(() => resolveConfig({ ...valid, cache: { tokens: { maxEntries: key as never } } }, {})).toThrow(
      '[WorkOS] cache.tokens.maxEntries must be a number ≥ 1, got "sk_…"',
    );
  });

  it("still accepts a setting with sk_ inside a word (desk_app)", () => {
    expect(resolveConfig({ ...valid, baseURL: "https://desk_app12345.example.com" }, {}).baseURL).toBe("https://desk_app12345.example.com");
  });

  it("publishes an http(s) docsURL", () => {
    expect(resolveConfig({ ...valid, docsURL: "https://docs.example.com/mcp" }, {}).docsURL).toBe("https://docs.example.com/mcp");
    expect(resolveConfig(valid, { WORKOS_DOCS_URL: "http://localhost:8080/docs" }).docsURL).toBe("http://localhost:8080/docs");
  });

  it.each([
    [{ requiredScope: ["mcp:tools"] }, '[WorkOS] Unknown option "requiredScope" (did you mean "requiredScopes"?)'],
    [{ strictaudience: true }, '[WorkOS] Unknown option "strictaudience" (did you mean "strictAudience"?)'],
    [{ baseUrl: "https://mcp.example.com" }, '[WorkOS] Unknown option "baseUrl" (did you mean "baseURL"?)'],
    [{ authKitDomain: "acme.authkit.app" }, '[WorkOS] Unknown option "authKitDomain" (did you mean "authkitDomain"?)'],
    [{ caches: {} }, '[WorkOS] Unknown option "caches" (did you mean "cache"?)'],
    [{ cache: { jwk: {} } }, '[WorkOS] Unknown option "cache.jwk" (did you mean "cache.jwks"?)'],
    [{ cache: { jwks: { cacheMaxAge: 1000 } } }, '[WorkOS] Unknown option "cache.jwks.cacheMaxAge" (did you mean "cache.jwks.cacheMaxAgeMs"?)'],
    [{ cache: { users: { ttl: 5 } } }, '[WorkOS] Unknown option "cache.users.ttl" (did you mean "cache.users.ttlSeconds"?)'],
    [{ cache: { tokens: { maxEntry: 5 } } }, '[WorkOS] Unknown option "cache.tokens.maxEntry" (did you mean "cache.tokens.maxEntries"?)'],
    [{ ["__proto__"]: {} }, '[WorkOS] Unknown option "__proto__"'],
  ])("refuses the unknown option in %j, naming the closest valid one", (extra, message) => {
    const options = { ...valid, ...extra } as WorkOSConfig;
    expect(() => workosProvider(options)).toThrow(message);
  });

  it("walks only option objects, not the values of leaf options", () => {
    const logger = Object.assign(Object.create({ inherited() {} }) as object, { debug() {}, info() {}, warn() {}, error() {}, extra: 1 });
    expect(() => resolveConfig({ ...valid, logger: logger as WorkOSConfig["logger"], cache: { tokens: false } }, {})).not.toThrow();
  });

  it("accepts plain http to the API on loopback only", () => {
    expect(resolveConfig({ ...valid, apiHostname: "127.0.0.1", apiPort: 4455, apiHttps: false }, {}).api).toMatchObject({
      hostname: "127.0.0.1",
      port: 4455,
      https: false,
    });
  });

  it("falls back to the environment, explicit options winning", () => {
    const env = {
      WORKOS_API_KEY: "sk_env",
      WORKOS_CLIENT_ID: "client_env",
      BASE_URL: "https://env.example.com",
      WORKOS_AUTHKIT_DOMAIN: "env.authkit.app",
      WORKOS_API_URL: "http://127.0.0.1:4455",
    };
    const fromEnv = resolveConfig({}, env);
    expect(fromEnv).toMatchObject({
      apiKey: "sk_env",
      clientId: "client_env",
      resource: "https://env.example.com/mcp",
      issuer: "https://env.authkit.app",
      api: { hostname: "127.0.0.1", port: 4455, https: false },
    });
    expect(resolveConfig({ clientId: "client_explicit" }, env).clientId).toBe("client_explicit");
  });

  it("derives resource, metadata URL and audiences", () => {
    const config = resolveConfig({ ...valid, baseURL: "https://mcp.example.com/", mcpPath: "/mcp/" }, {});
    expect(config.resource).toBe("https://mcp.example.com/mcp");
    expect(config.resourceMetadataURL).toBe("https://mcp.example.com/.well-known/oauth-protected-resource/mcp");
    expect(config.resourceAudiences).toEqual(["https://mcp.example.com/mcp", "https://mcp.example.com/mcp/"]);
    expect(config.strictAudience).toBeUndefined();
    expect(resolveConfig({ ...valid, strictAudience: false }, {}).strictAudience).toBe(false);
  });

  it("never mutates the caller's object", () => {
    const input = structuredClone({ ...valid, strictAudience: false, requiredScopes: ["email"], cache: { users: { ttlSeconds: 5 } } });
    const snapshot = structuredClone(input);
    workosProvider(input);
    expect(input).toEqual(snapshot);
  });
});

describe("authkitDomain", () => {
  it.each([
    ["acme.authkit.app", "https://acme.authkit.app"],
    ["acme.authkit.app/", "https://acme.authkit.app"],
    ["https://acme.authkit.app", "https://acme.authkit.app"],
    ["https://acme.authkit.app/", "https://acme.authkit.app"],
    ["  https://acme.authkit.app//  ", "https://acme.authkit.app"],
    ["http://127.0.0.1:4455", "http://127.0.0.1:4455"],
    ["http://localhost:4455/", "http://localhost:4455"],
    ["auth.example.com", "https://auth.example.com"],
  ])("normalises %s to %s", (input, expected) => {
    expect(normalizeAuthkitDomain(input)).toBe(expected);
  });

  it("never produces a doubled scheme", () => {
    expect(normalizeAuthkitDomain("https://acme.authkit.app")).not.toContain("https://https://");
  });
});
