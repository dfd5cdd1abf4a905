import * as oauth from "oauth4webapi";
import { beforeAll, describe, expect, it } from "vitest";
import { expectPage, LoginUserAgent } from "./helpers/login-user-agent.js";
import { useOAuthTestEmulator } from "./helpers/oauth-app.js";
import { authorizationUrl, discover, registerClient } from "./helpers/oauth-client.js";
import { approve } from "./helpers/sign-in.js";

const WEB_REDIRECT = "https://attacker.example/cb";
const LOOPBACK_REDIRECT = "http://127.0.0.1:1234/cb";
const CUSTOM_SCHEME_REDIRECT = "cursor://anysphere.cursor-retrieval/oauth/callback";

/** What a hostile page in the developer's browser does: register itself, then open the authorize URL. */
async function registerFromWebPage(issuer: string, redirectUris: string[]): Promise<string> {
  const response = await fetch(`${issuer}/oauth2/register`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: "https://attacker.example", "sec-fetch-site": "cross-site" },
    body: JSON.stringify({ redirect_uris: redirectUris, token_endpoint_auth_method: "none" }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { client_id: string }).client_id;
}

/** A top-level navigation, with the headers Chromium sends: from a hostile page (`cross-site`) unless told otherwise. */
function navigate(url: string, site = "cross-site"): Promise<Response> {
  return fetch(url, { redirect: "manual", headers: { "sec-fetch-site": site, "sec-fetch-mode": "navigate", "sec-fetch-dest": "document" } });
}

/** Redirect URIs a web page could receive a code at: web-handled, or a browser told to open a URL. */
const WEB_REACHABLE_REDIRECTS = [
  "web+evil:x",
  "microsoft-edge:https://attacker.example/cb",
  "microsoft-edge-holographic:https://attacker.example/cb",
  "x-safari-https://attacker.example/cb",
  "x-safari-http://attacker.example/cb",
  "googlechrome://attacker.example/cb",
  "googlechromes://attacker.example/cb",
  "firefox:https://attacker.example/cb",
  "opera-https://attacker.example/cb",
  "intent://attacker.example/cb",
  "mailto:attacker@attacker.example",
  // Page-claimable too: Firefox extensions' ext+, Chromium's decentralised-web safelist, gopher.
  "ext+evil:x",
  "ipfs://bafy/cb",
  "ipns://attacker.example/cb",
  "dweb:/ipfs/cb",
  "dat://attacker/cb",
  "ssb:attacker",
  "cabal://attacker",
  "hyper://attacker/cb",
  "did:web:attacker.example",
  "ethereum:0x0000000000000000000000000000000000000000",
  "gopher://attacker.example/cb",
  "magnet:?xt=urn:btih:cb",
  "webcal://attacker.example/cb",
];

describe("redirect URIs a web page can receive (RFC 8252 §7.1: a private-use scheme names a native app)", () => {
  const emu = useOAuthTestEmulator();

  async function register(redirectUris: string[]): Promise<{ status: number; body: Record<string, string> }> {
    const response = await fetch(`${emu.issuer}/oauth2/register`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://attacker.example", "sec-fetch-site": "cross-site" },
      body: JSON.stringify({ redirect_uris: redirectUris, token_endpoint_auth_method: "none" }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, string> };
  }

  it("refuses web+ and browser-launcher schemes at registration, saying why", async () => {
    for (const redirectUri of WEB_REACHABLE_REDIRECTS) {
      const { status, body } = await register([redirectUri]);
      expect(status, redirectUri).toBe(400);
      expect(body.error, redirectUri).toBe("invalid_redirect_uri");
      expect(body.error_description, redirectUri).toContain(new URL(redirectUri).protocol);
      expect(body.error_description, redirectUri).toMatch(/web page|browser/);
    }
  });

  it("still registers the redirect URIs real MCP clients use", async () => {
    const real = ["cursor://anysphere.cursor-retrieval/oauth/user-callback", "vscode://vscode.github-authentication/did-authenticate", "vscode-insiders://vscode.github-authentication/did-authenticate", "http://127.0.0.1:33418/callback", "http://localhost:6274/oauth/callback", "https://claude.ai/api/mcp/auth_callback", "com.example.app:/oauth2redirect", "com.ethereum.wallet:/callback"];
    const { status, body } = await register(real);
    expect(status, JSON.stringify(body)).toBe(201);
  });

  it("never redirects, with a code or an error, to such a URI a data file from before still holds", async () => {
    const as = await discover(emu.issuer);
    const redirectUri = "microsoft-edge:https://attacker.example/cb";
    const clientId = "client_01OLDDATAFILE000000000000";
    emu.emulator.state.oauthClients.push({ client_id: clientId, redirect_uris: [redirectUri], grant_types: ["authorization_code"], response_types: ["code"], token_endpoint_auth_method: "none", client_id_issued_at: 0, kind: "dcr" });
    for (const responseType of ["code", "token"]) {
      const response = await navigate((await authorizationUrl(as, clientId, redirectUri, { response_type: responseType })).url, "none");
      expect(response.status, responseType).toBe(400);
      expect(response.headers.get("location")).toBeNull();
      expect(await response.text()).toContain("invalid_redirect_uri");
    }
  });

  it("shows the full redirect URI on the sign-in and consent pages", async () => {
    const as = await discover(emu.issuer);
    const redirectUri = "cursor://anysphere.cursor-retrieval/oauth/user-callback";
    const client = await registerClient(as, { redirect_uris: [redirectUri], token_endpoint_auth_method: "none" });
    const agent = new LoginUserAgent(emu.issuer);
    const signIn = expectPage(await agent.navigate((await authorizationUrl(as, client.client_id, redirectUri)).url));
    expect(signIn.html).toContain(redirectUri);
    const consent = expectPage(await agent.submit(signIn, "/login/password", { email: "bob@acme.test", password: "dev-password" }, "Sign in"));
    expect(consent.html).toContain("Allow");
    expect(consent.html).toContain(`<code class="uri">${redirectUri}</code>`);
    const callback = await approve(agent, { kind: "page", page: consent });
    expect(callback.href.startsWith(redirectUri)).toBe(true);
  });
});

describe("--auto-login completes only towards native-app redirect URIs", () => {
  const emu = useOAuthTestEmulator({ autoLogin: "alice@acme.test" });
  let as: oauth.AuthorizationServer;

  beforeAll(async () => {
    as = await discover(emu.issuer);
  });

  it("shows the login page instead of sending a code to a web page's https redirect URI", async () => {
    const clientId = await registerFromWebPage(emu.issuer, [WEB_REDIRECT]);
    const response = await navigate((await authorizationUrl(as, clientId, WEB_REDIRECT)).url);
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!, emu.issuer);
    expect(location.origin).toBe(emu.issuer);
    expect(location.pathname).toBe("/login");
  });

  it("still signs in at once for loopback and private-use scheme redirect URIs an app opened the browser for", async () => {
    const client = await registerClient(as, { redirect_uris: [LOOPBACK_REDIRECT, CUSTOM_SCHEME_REDIRECT], token_endpoint_auth_method: "none" });
    for (const redirectUri of [LOOPBACK_REDIRECT, "http://127.0.0.1:5555/cb", CUSTOM_SCHEME_REDIRECT]) {
      // `none`: an MCP app opened the browser; no Fetch Metadata at all: a CLI or a test.
      for (const response of [await navigate((await authorizationUrl(as, client.client_id, redirectUri)).url, "none"), await fetch((await authorizationUrl(as, client.client_id, redirectUri)).url, { redirect: "manual" })]) {
        const location = response.headers.get("location")!;
        expect(location.startsWith(redirectUri)).toBe(true);
        expect(new URL(location).searchParams.get("code")).toBeTruthy();
      }
    }
  });

  it("shows the sign-in page, and signs no one in, for a request another site's page started (RFC 9700 §4.11.2)", async () => {
    const clientId = await registerFromWebPage(emu.issuer, [LOOPBACK_REDIRECT, CUSTOM_SCHEME_REDIRECT]);
    const sessionsBefore = emu.emulator.state.sessions.length;
    for (const redirectUri of [LOOPBACK_REDIRECT, CUSTOM_SCHEME_REDIRECT]) {
      for (const site of ["cross-site", "same-site"]) {
        const response = await navigate((await authorizationUrl(as, clientId, redirectUri)).url, site);
        expect(response.status, `${site} ${redirectUri}`).toBe(303);
        const location = new URL(response.headers.get("location")!, emu.issuer);
        expect(location.origin).toBe(emu.issuer);
        expect(location.pathname).toBe("/login");
      }
      // An <img> sends no navigation headers, only Sec-Fetch-Site; an old browser only a foreign Origin.
      const image = await fetch((await authorizationUrl(as, clientId, redirectUri)).url, { redirect: "manual", headers: { "sec-fetch-site": "cross-site", "sec-fetch-dest": "image" } });
      expect(new URL(image.headers.get("location")!, emu.issuer).pathname).toBe("/login");
      const foreignOrigin = await fetch((await authorizationUrl(as, clientId, redirectUri)).url, { redirect: "manual", headers: { origin: "https://attacker.example" } });
      expect(new URL(foreignOrigin.headers.get("location")!, emu.issuer).pathname).toBe("/login");
    }
    expect(emu.emulator.state.sessions.length).toBe(sessionsBefore);
  });
});

describe("authorization errors before sign-in (RFC 9700 §4.11.2)", () => {
  const emu = useOAuthTestEmulator();
  let as: oauth.AuthorizationServer;

  beforeAll(async () => {
    as = await discover(emu.issuer);
  });

  it("shows an error page instead of redirecting to a dynamically registered https redirect URI", async () => {
    const clientId = await registerFromWebPage(emu.issuer, [WEB_REDIRECT]);
    const url = new URL((await authorizationUrl(as, clientId, WEB_REDIRECT)).url);
    url.searchParams.set("response_type", "token");
    const response = await navigate(url.href);
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(await response.text()).toContain("unsupported_response_type");
  });

  it("still redirects the error to a loopback or private-use scheme redirect URI", async () => {
    const client = await registerClient(as, { redirect_uris: [LOOPBACK_REDIRECT, CUSTOM_SCHEME_REDIRECT], token_endpoint_auth_method: "none" });
    for (const redirectUri of [LOOPBACK_REDIRECT, CUSTOM_SCHEME_REDIRECT]) {
      const url = new URL((await authorizationUrl(as, client.client_id, redirectUri)).url);
      url.searchParams.set("response_type", "token");
      const response = await navigate(url.href);
      expect(response.status).toBe(302);
      const location = new URL(response.headers.get("location")!);
      expect(location.href.startsWith(redirectUri)).toBe(true);
      expect(location.searchParams.get("error")).toBe("unsupported_response_type");
    }
  });

  it("answers 400, not 500, for a loopback redirect URI whose port is out of range", async () => {
    const client = await registerClient(as, { redirect_uris: [LOOPBACK_REDIRECT], token_endpoint_auth_method: "none" });
    const response = await navigate((await authorizationUrl(as, client.client_id, "http://127.0.0.1:99999/cb")).url);
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toContain("invalid_request");
  });
});
