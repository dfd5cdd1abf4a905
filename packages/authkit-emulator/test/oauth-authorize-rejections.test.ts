import * as oauth from "oauth4webapi";
import { beforeAll, describe, expect, it } from "vitest";
import { useOAuthTestEmulator } from "./helpers/oauth-app.js";
import { discover, registerClient } from "./helpers/oauth-client.js";

const REDIRECT_URI = "http://127.0.0.1:1234/cb";

describe("GET /oauth2/authorize rejections (RFC 6749 §4.1.2.1)", () => {
  const emu = useOAuthTestEmulator();
  let as: oauth.AuthorizationServer;
  let clientId: string;
  let challenge: string;

  beforeAll(async () => {
    as = await discover(emu.issuer);
    clientId = (await registerClient(as, { redirect_uris: [REDIRECT_URI, "cursor://anysphere.cursor-retrieval/oauth/callback"], token_endpoint_auth_method: "none" })).client_id;
    challenge = await oauth.calculatePKCECodeChallenge(oauth.generateRandomCodeVerifier());
  });

  function authorize(overrides: Record<string, string | undefined>): Promise<Response> {
    const params: Record<string, string | undefined> = {
      response_type: "code",
      client_id: clientId,
      redirect_uri: REDIRECT_URI,
      code_challenge: challenge,
      code_challenge_method: "S256",
      state: "s-123",
      ...overrides,
    };
    const query = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined));
    return fetch(`${as.authorization_endpoint}?${query}`, { redirect: "manual" });
  }

  const neverRedirected: [string, Record<string, string | undefined>, string][] = [
    ["unknown client", { client_id: "client_01UNKNOWN000000000000000" }, "invalid_client"],
    ["missing client_id", { client_id: undefined }, "invalid_request"],
    ["missing redirect_uri", { redirect_uri: undefined }, "invalid_request"],
    ["dot-segment trick", { redirect_uri: "http://127.0.0.1:1234/cb/../evil" }, "invalid_request"],
    ["host-suffix trick", { redirect_uri: "http://127.0.0.1:1234/cb.evil.com" }, "invalid_request"],
    ["other host", { redirect_uri: "http://127.0.0.1.evil.com:1234/cb" }, "invalid_request"],
    ["extra path", { redirect_uri: "http://127.0.0.1:1234/cb/extra" }, "invalid_request"],
    ["extra query", { redirect_uri: "http://127.0.0.1:1234/cb?next=https://evil.example" }, "invalid_request"],
    ["fragment", { redirect_uri: "http://127.0.0.1:1234/cb#x" }, "invalid_request"],
    ["https instead of http", { redirect_uri: "https://127.0.0.1:1234/cb" }, "invalid_request"],
    ["localhost instead of 127.0.0.1", { redirect_uri: "http://localhost:1234/cb" }, "invalid_request"],
  ];
  for (const [name, overrides, code] of neverRedirected) {
    it(`shows an HTML error and does not redirect: ${name}`, async () => {
      const response = await authorize(overrides);
      expect(response.status).toBe(400);
      expect(response.headers.get("location")).toBeNull();
      expect(response.headers.get("content-type")).toContain("text/html");
      expect(await response.text()).toContain(code);
    });
  }

  const redirected: [string, Record<string, string | undefined>, string][] = [
    ["missing PKCE", { code_challenge: undefined, code_challenge_method: undefined }, "invalid_request"],
    ["plain PKCE method", { code_challenge_method: "plain" }, "invalid_request"],
    ["PKCE method omitted (defaults to plain)", { code_challenge_method: undefined }, "invalid_request"],
    ["malformed challenge", { code_challenge: "short" }, "invalid_request"],
    ["token response type", { response_type: "token" }, "unsupported_response_type"],
    ["missing response type", { response_type: undefined }, "invalid_request"],
    ["relative resource", { resource: "/mcp" }, "invalid_target"],
  ];
  for (const [name, overrides, code] of redirected) {
    it(`redirects the error to the registered redirect URI with state: ${name}`, async () => {
      const response = await authorize(overrides);
      expect(response.status).toBe(302);
      const location = new URL(response.headers.get("location")!);
      expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
      expect(location.searchParams.get("error")).toBe(code);
      expect(location.searchParams.get("error_description")).toBeTruthy();
      expect(location.searchParams.get("state")).toBe("s-123");
      expect(location.searchParams.get("code")).toBeNull();
    });
  }

  it("rejects repeated parameters (RFC 6749 §3.1)", async () => {
    const response = await fetch(`${as.authorization_endpoint}?client_id=${clientId}&redirect_uri=${encodeURIComponent(REDIRECT_URI)}&response_type=code&code_challenge=${challenge}&code_challenge_method=S256&code_challenge=${challenge}`, { redirect: "manual" });
    expect(new URL(response.headers.get("location")!).searchParams.get("error")).toBe("invalid_request");
  });

  it("accepts another port on a loopback IP redirect (RFC 8252 §7.3) and custom schemes", async () => {
    const otherPort = await authorize({ redirect_uri: "http://127.0.0.1:50123/cb" });
    expect(otherPort.status).toBe(303);
    expect(otherPort.headers.get("location")).toMatch(/^\/login\?authorization_id=/);
    const custom = await authorize({ redirect_uri: "cursor://anysphere.cursor-retrieval/oauth/callback", code_challenge_method: "plain" });
    expect(custom.headers.get("location")).toMatch(/^cursor:\/\/anysphere\.cursor-retrieval\/oauth\/callback\?error=invalid_request/);
  });
});
