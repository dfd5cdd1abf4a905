import { decodeJwt } from "jose";
import * as oauth from "oauth4webapi";
import { beforeAll, describe, expect, it } from "vitest";
import { LoginUserAgent } from "./helpers/login-user-agent.js";
import { useOAuthTestEmulator } from "./helpers/oauth-app.js";
import { authorizationUrl, discover, introspect, postForm, registerClient } from "./helpers/oauth-client.js";
import { signInWithPassword } from "./helpers/sign-in.js";

const REDIRECT_URI = "http://127.0.0.1:1234/cb";

/** The scope an access token was granted: AuthKit's token response does not repeat a requested scope. */
const scopeOf = (body: Record<string, unknown>) => String(decodeJwt(String(body.access_token)).scope);

describe("POST /oauth2/token rejections (RFC 6749 §5.2)", () => {
  const emu = useOAuthTestEmulator();
  let as: oauth.AuthorizationServer;
  let client: oauth.Client;

  beforeAll(async () => {
    as = await discover(emu.issuer);
    client = await registerClient(as, { redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "none", grant_types: ["authorization_code", "refresh_token"] });
  });

  async function freshCode(): Promise<{ code: string; verifier: string }> {
    const pkce = await authorizationUrl(as, client.client_id, REDIRECT_URI);
    const callback = await signInWithPassword(new LoginUserAgent(emu.issuer), pkce.url, "bob@acme.test");
    return { code: callback.searchParams.get("code")!, verifier: pkce.verifier };
  }

  const exchange = (form: Record<string, string>, headers?: Record<string, string>) =>
    postForm(as.token_endpoint!, { grant_type: "authorization_code", client_id: client.client_id, redirect_uri: REDIRECT_URI, ...form }, headers);

  it("rejects a wrong PKCE verifier without burning the code for the client that holds the right one", async () => {
    const { code, verifier } = await freshCode();
    const wrong = await exchange({ code, code_verifier: oauth.generateRandomCodeVerifier() });
    expect(wrong).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    expect(wrong.headers.get("cache-control")).toBe("no-store");
    expect(await exchange({ code, code_verifier: verifier, redirect_uri: "http://127.0.0.1:1234/other" })).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    const legitimate = await exchange({ code, code_verifier: verifier });
    expect(legitimate.status).toBe(200);
    expect(legitimate.body.access_token).toEqual(expect.any(String));
    // Used correctly once, the code is spent: a wrong verifier now meets a replayed code.
    expect(await exchange({ code, code_verifier: oauth.generateRandomCodeVerifier() })).toMatchObject({ status: 400, body: { error: "invalid_grant", error_description: "The authorization code has already been used." } });
  });

  it("requires code_verifier", async () => {
    const { code } = await freshCode();
    expect(await exchange({ code })).toMatchObject({ status: 400, body: { error: "invalid_request" } });
  });

  it("rejects a redirect_uri different from the authorization request's", async () => {
    const { code, verifier } = await freshCode();
    const result = await exchange({ code, code_verifier: verifier, redirect_uri: "http://127.0.0.1:1234/cb/extra" });
    expect(result).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });

  it("rejects a code presented by another client", async () => {
    const other = await registerClient(as, { redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "none" });
    const { code, verifier } = await freshCode();
    const result = await exchange({ code, code_verifier: verifier, client_id: other.client_id });
    expect(result).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });

  it("treats code replay as theft: invalid_grant and the tokens it produced are revoked", async () => {
    const { code, verifier } = await freshCode();
    const first = await exchange({ code, code_verifier: verifier });
    expect(first.status).toBe(200);
    const replay = await exchange({ code, code_verifier: verifier });
    expect(replay).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    const refreshAfter = await postForm(as.token_endpoint!, { grant_type: "refresh_token", client_id: client.client_id, refresh_token: String(first.body.refresh_token) });
    expect(refreshAfter.body.error).toBe("invalid_grant");
    const introspection = await introspect(emu.issuer, String(first.body.access_token));
    expect(introspection.body).toEqual({ active: false });
  });

  it("expires codes after about a minute", async () => {
    const { code, verifier } = await freshCode();
    const realNow = emu.emulator.context.now;
    emu.emulator.context.now = () => realNow() + 61;
    try {
      expect(await exchange({ code, code_verifier: verifier })).toMatchObject({ status: 400, body: { error: "invalid_grant", error_description: "The authorization code has expired." } });
    } finally {
      emu.emulator.context.now = realNow;
    }
  });

  it("rejects unknown codes, unknown grants, unknown and wrongly authenticated clients", async () => {
    expect(await exchange({ code: "nope", code_verifier: oauth.generateRandomCodeVerifier() })).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    expect(await postForm(as.token_endpoint!, { grant_type: "password", client_id: client.client_id })).toMatchObject({ status: 400, body: { error: "unsupported_grant_type" } });
    expect(await exchange({ code: "x", client_id: "client_01NOPE0000000000000000000" })).toMatchObject({ status: 401, body: { error: "invalid_client" } });
    expect(await postForm(as.token_endpoint!, { grant_type: "authorization_code", code: "x" })).toMatchObject({ status: 401, body: { error: "invalid_client" } });

    const confidential = await registerClient(as, { redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "client_secret_basic" });
    const badBasic = await postForm(as.token_endpoint!, { grant_type: "authorization_code", code: "x" }, { authorization: `Basic ${Buffer.from(`${confidential.client_id}:wrong`).toString("base64")}` });
    expect(badBasic).toMatchObject({ status: 401, body: { error: "invalid_client" } });
    expect(badBasic.headers.get("www-authenticate")).toContain("Basic");
    // A basic client may not skip authentication or switch to client_secret_post.
    expect((await exchange({ code: "x", client_id: confidential.client_id })).status).toBe(401);
    expect((await exchange({ code: "x", client_id: confidential.client_id, client_secret: String(confidential.client_secret) })).status).toBe(401);
  });

  it("answers malformed Basic credentials with 401 invalid_client and a Basic challenge, never a 500", async () => {
    const basic = (raw: string) => ({ authorization: `Basic ${raw}` });
    const base64 = (text: string) => Buffer.from(text).toString("base64");
    for (const headers of [basic(base64("client%ZZ:x")), basic(base64("client:%E0%A4%A")), basic("not base64!"), basic(base64("no-colon"))]) {
      const result = await postForm(as.token_endpoint!, { grant_type: "authorization_code", code: "x" }, headers);
      expect(result, headers.authorization).toMatchObject({ status: 401, body: { error: "invalid_client", error_description: "Malformed Basic client credentials." } });
      expect(result.headers.get("www-authenticate")).toContain("Basic");
    }
  });

  it("rejects refresh with a wider scope or for another client", async () => {
    const { code, verifier } = await freshCode();
    const tokens = await exchange({ code, code_verifier: verifier });
    const refreshToken = String(tokens.body.refresh_token);
    const other = await registerClient(as, { redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "none" });
    expect(await postForm(as.token_endpoint!, { grant_type: "refresh_token", client_id: other.client_id, refresh_token: refreshToken })).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    expect(await postForm(as.token_endpoint!, { grant_type: "refresh_token", client_id: client.client_id, refresh_token: refreshToken, scope: "openid admin" })).toMatchObject({ status: 400, body: { error: "invalid_scope" } });
    const narrower = await postForm(as.token_endpoint!, { grant_type: "refresh_token", client_id: client.client_id, refresh_token: refreshToken, scope: "openid" });
    expect(narrower.status).toBe(200);
    expect(scopeOf(narrower.body)).toBe("openid");
  });

  it("narrows only the access token on refresh: the next refresh token keeps the original scope (RFC 6749 §6)", async () => {
    const { code, verifier } = await freshCode();
    const tokens = await exchange({ code, code_verifier: verifier });
    const original = scopeOf(tokens.body);
    expect(original).toBe("openid profile email offline_access");
    const refreshWith = (refreshToken: unknown, scope?: string) =>
      postForm(as.token_endpoint!, { grant_type: "refresh_token", client_id: client.client_id, refresh_token: String(refreshToken), ...(scope ? { scope } : {}) });

    // A double space is an empty part, not an unknown scope.
    const narrowed = await refreshWith(tokens.body.refresh_token, "openid  profile");
    expect(narrowed.status).toBe(200);
    expect(scopeOf(narrowed.body)).toBe("openid profile");
    // The narrowed grant still rotates: the refresh token carries the original grant's offline_access.
    expect(narrowed.body.refresh_token).toBeTypeOf("string");

    const widenedAgain = await refreshWith(narrowed.body.refresh_token);
    expect(scopeOf(widenedAgain.body)).toBe(original);
    expect(scopeOf((await refreshWith(widenedAgain.body.refresh_token, original)).body)).toBe(original);
  });
});
