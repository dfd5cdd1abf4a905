import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLoopbackServer } from "./helpers/loopback-server.js";
import { useOAuthTestEmulator } from "./helpers/oauth-app.js";
import { authorizationUrl, discover, postForm, registerClient } from "./helpers/oauth-client.js";

const REDIRECT_URI = "http://127.0.0.1:45002/callback";
const metadataOf = async (issuer: string) => (await fetch(`${issuer}/.well-known/oauth-authorization-server`)).json() as Promise<Record<string, unknown>>;

describe("Dynamic Client Registration switched off (--no-dcr)", () => {
  const emu = useOAuthTestEmulator({ dynamicClientRegistration: false });

  it("leaves registration_endpoint out of the RFC 8414 document and keeps CIMD", async () => {
    const as = await discover(emu.issuer);
    expect(as.registration_endpoint).toBeUndefined();
    expect(as.client_id_metadata_document_supported).toBe(true);
  });

  it("has no /oauth2/register: a JSON 404 like any unknown route, nothing registered", async () => {
    const response = await fetch(`${emu.issuer}/oauth2/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "none" }),
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "route_not_found" });
    expect(emu.emulator.state.oauthClients).toEqual([]);
  });

  it("stops oauth4webapi from registering: it needs the registration_endpoint the metadata no longer has", async () => {
    const as = await discover(emu.issuer);
    await expect(registerClient(as, { redirect_uris: [REDIRECT_URI] })).rejects.toThrow(/registration_endpoint/);
  });
});

describe("Client ID Metadata Documents switched off (--no-cimd)", () => {
  const emu = useOAuthTestEmulator({ clientIdMetadataDocument: false });
  let docs: Awaited<ReturnType<typeof startLoopbackServer>>;
  let fetches = 0;

  beforeAll(async () => {
    docs = await startLoopbackServer((req, res) => {
      fetches += 1;
      const clientId = `${docs.origin}${req.url}`;
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ client_id: clientId, redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "none" }));
    });
  });
  afterAll(() => docs.close());

  it("leaves client_id_metadata_document_supported out and keeps registration", async () => {
    const metadata = await metadataOf(emu.issuer);
    expect(metadata).not.toHaveProperty("client_id_metadata_document_supported");
    expect(metadata.registration_endpoint).toBe(`${emu.issuer}/oauth2/register`);
  });

  it("refuses a URL client id as an unknown client, at authorize and at the token endpoint, without fetching it", async () => {
    const as = await discover(emu.issuer);
    const clientId = `${docs.origin}/client.json`;
    const pkce = await authorizationUrl(as, clientId, REDIRECT_URI);
    const page = await fetch(pkce.url, { redirect: "manual" });
    expect(page.status).toBe(400);
    expect(page.headers.get("location")).toBeNull();
    const html = await page.text();
    expect(html).toContain("invalid_client");
    expect(html).toContain("Unknown client_id");

    const token = await postForm(as.token_endpoint!, { grant_type: "authorization_code", code: "x", client_id: clientId, redirect_uri: REDIRECT_URI, code_verifier: "a".repeat(43) });
    expect(token).toMatchObject({ status: 401, body: { error: "invalid_client" } });
    expect(fetches).toBe(0);
  });

  it("still signs registered clients in", async () => {
    const as = await discover(emu.issuer);
    const client = await registerClient(as, { redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "none" });
    const pkce = await authorizationUrl(as, client.client_id, REDIRECT_URI);
    const response = await fetch(pkce.url, { redirect: "manual" });
    expect(response.status).toBe(303);
    expect(new URL(response.headers.get("location")!, emu.issuer).pathname).toBe("/login");
  });
});

describe("both switches on (the default seed)", () => {
  const emu = useOAuthTestEmulator();

  it("advertises both in the RFC 8414 document and neither in openid-configuration", async () => {
    const metadata = await metadataOf(emu.issuer);
    expect(metadata).toMatchObject({ registration_endpoint: `${emu.issuer}/oauth2/register`, client_id_metadata_document_supported: true });
    const oidc = (await (await fetch(`${emu.issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(oidc).not.toHaveProperty("registration_endpoint");
    expect(oidc).not.toHaveProperty("client_id_metadata_document_supported");
  });
});
