import { describe, expect, it } from "vitest";
import { useOAuthTestEmulator } from "./helpers/oauth-app.js";

/** Response bodies are checked field by field below; their static type does not matter here. */
const readJson = async (response: Response | Promise<Response>): Promise<Record<string, any>> => (await response).json() as Promise<Record<string, any>>;

describe("discovery documents, JWKS and dynamic client registration", () => {
  const emu = useOAuthTestEmulator();

  const register = (body: unknown) =>
    fetch(`${emu.issuer}/oauth2/register`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  it("serves the RFC 8414 document with CIMD and DCR, and an OIDC document without them, each with AuthKit's fields only", async () => {
    const rfc8414 = await readJson(fetch(`${emu.issuer}/.well-known/oauth-authorization-server`));
    // AuthKit's authorization server metadata reference and the sample in its MCP guide, field for field.
    expect(rfc8414).toEqual({
      issuer: emu.issuer,
      authorization_endpoint: `${emu.issuer}/oauth2/authorize`,
      token_endpoint: `${emu.issuer}/oauth2/token`,
      registration_endpoint: `${emu.issuer}/oauth2/register`,
      introspection_endpoint: `${emu.issuer}/oauth2/introspection`,
      client_id_metadata_document_supported: true,
      code_challenge_methods_supported: ["S256"],
      token_endpoint_auth_methods_supported: ["none", "client_secret_post", "client_secret_basic"],
      grant_types_supported: ["authorization_code", "refresh_token"],
      response_types_supported: ["code"],
      response_modes_supported: ["query"],
      scopes_supported: ["openid", "profile", "email", "offline_access"],
    });
    // AuthKit's OpenID configuration reference, field for field.
    const oidc = await readJson(fetch(`${emu.issuer}/.well-known/openid-configuration`));
    expect(oidc).toEqual({
      issuer: emu.issuer,
      authorization_endpoint: `${emu.issuer}/oauth2/authorize`,
      token_endpoint: `${emu.issuer}/oauth2/token`,
      introspection_endpoint: `${emu.issuer}/oauth2/introspection`,
      jwks_uri: `${emu.issuer}/oauth2/jwks`,
      userinfo_endpoint: `${emu.issuer}/oauth2/userinfo`,
      grant_types_supported: ["authorization_code", "refresh_token"],
      response_types_supported: ["code"],
      subject_types_supported: ["public"],
      id_token_signing_alg_values_supported: ["RS256"],
    });
  });

  it("opens CORS on metadata, JWKS, token and registration, not on the login pages", async () => {
    for (const path of ["/.well-known/oauth-authorization-server", "/oauth2/jwks", "/oauth2/token", "/oauth2/register"]) {
      const preflight = await fetch(`${emu.issuer}${path}`, { method: "OPTIONS", headers: { origin: "http://localhost:6274", "access-control-request-method": "POST" } });
      expect(preflight.status, path).toBe(204);
      expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    }
    const login = await fetch(`${emu.issuer}/login?authorization_id=x`);
    expect(login.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("publishes the same public keys at /oauth2/jwks and /sso/jwks/:clientId, without private parts", async () => {
    const jwks = await readJson(fetch(`${emu.issuer}/oauth2/jwks`));
    const sso = await readJson(fetch(`${emu.issuer}/sso/jwks/${emu.emulator.clientId}`));
    expect(sso).toEqual(jwks);
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });
    expect(jwks.keys[0]).not.toHaveProperty("d");
  });

  it("registers public clients, confidential clients and native custom-scheme clients", async () => {
    const publicClient = await register({ redirect_uris: ["http://127.0.0.1:9999/cb", "http://localhost/cb", "http://[::1]:1/cb"], token_endpoint_auth_method: "none", client_name: "Public" });
    expect(publicClient.status).toBe(201);
    const body = await readJson(publicClient);
    expect(body).toMatchObject({ client_name: "Public", token_endpoint_auth_method: "none", grant_types: ["authorization_code"], response_types: ["code"] });
    expect(body.client_id_issued_at).toBeTypeOf("number");
    expect(body).not.toHaveProperty("client_secret");
    expect(body).not.toHaveProperty("kind");

    const confidential = await readJson(register({ redirect_uris: ["https://app.example/cb"] }));
    expect(confidential.token_endpoint_auth_method).toBe("client_secret_basic");
    expect(confidential.client_secret).toBeTypeOf("string");
    expect(confidential.client_secret_expires_at).toBe(0);

    const native = await register({ redirect_uris: ["cursor://anysphere.cursor-retrieval/oauth/user-x/callback", "vscode://vscode.github-authentication/did-authenticate"], token_endpoint_auth_method: "none" });
    expect(native.status).toBe(201);
  });

  const invalid: [string, unknown, string][] = [
    ["missing redirect_uris", { client_name: "x" }, "invalid_redirect_uri"],
    ["empty redirect_uris", { redirect_uris: [] }, "invalid_redirect_uri"],
    ["http on a public host", { redirect_uris: ["http://example.com/cb"] }, "invalid_redirect_uri"],
    ["fragment", { redirect_uris: ["https://app.example/cb#frag"] }, "invalid_redirect_uri"],
    ["javascript scheme", { redirect_uris: ["javascript:alert(1)"] }, "invalid_redirect_uri"],
    ["data scheme", { redirect_uris: ["data:text/html,<script>alert(1)</script>"] }, "invalid_redirect_uri"],
    ["chrome scheme", { redirect_uris: ["chrome://settings/passwords"] }, "invalid_redirect_uri"],
    ["view-source scheme", { redirect_uris: ["view-source:https://app.example/cb"] }, "invalid_redirect_uri"],
    ["ms-settings scheme", { redirect_uris: ["ms-settings:privacy"] }, "invalid_redirect_uri"],
    ["ms-browser-extension scheme", { redirect_uris: ["ms-browser-extension://x/cb"] }, "invalid_redirect_uri"],
    ["relative", { redirect_uris: ["/cb"] }, "invalid_redirect_uri"],
    ["unsupported auth method", { redirect_uris: ["https://a.example/cb"], token_endpoint_auth_method: "private_key_jwt" }, "invalid_client_metadata"],
    ["unsupported grant", { redirect_uris: ["https://a.example/cb"], grant_types: ["client_credentials"] }, "invalid_client_metadata"],
    ["implicit response type", { redirect_uris: ["https://a.example/cb"], response_types: ["token"] }, "invalid_client_metadata"],
    ["non-string name", { redirect_uris: ["https://a.example/cb"], client_name: 42 }, "invalid_client_metadata"],
    ["javascript logo", { redirect_uris: ["https://a.example/cb"], logo_uri: "javascript:alert(1)" }, "invalid_client_metadata"],
  ];
  for (const [name, body, code] of invalid) {
    it(`rejects registration: ${name}`, async () => {
      const response = await register(body);
      expect(response.status).toBe(400);
      const error = await readJson(response);
      expect(error.error).toBe(code);
      expect(error.error_description).toBeTypeOf("string");
    });
  }
});
