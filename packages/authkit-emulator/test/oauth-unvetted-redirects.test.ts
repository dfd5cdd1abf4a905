import * as oauth from "oauth4webapi";
import { beforeAll, describe, expect, it } from "vitest";
import { useOAuthTestEmulator } from "./helpers/oauth-app.js";
import { authorizationUrl, discover, registerClient } from "./helpers/oauth-client.js";

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

/** A top-level navigation from the hostile page, with the headers Chromium sends. */
function navigate(url: string): Promise<Response> {
  return fetch(url, { redirect: "manual", headers: { "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate", "sec-fetch-dest": "document" } });
}

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

  it("still signs in at once for loopback and private-use scheme redirect URIs", async () => {
    const client = await registerClient(as, { redirect_uris: [LOOPBACK_REDIRECT, CUSTOM_SCHEME_REDIRECT], token_endpoint_auth_method: "none" });
    for (const redirectUri of [LOOPBACK_REDIRECT, "http://127.0.0.1:5555/cb", CUSTOM_SCHEME_REDIRECT]) {
      const response = await navigate((await authorizationUrl(as, client.client_id, redirectUri)).url);
      const location = response.headers.get("location")!;
      expect(location.startsWith(redirectUri)).toBe(true);
      expect(new URL(location).searchParams.get("code")).toBeTruthy();
    }
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
