import { createHash } from "node:crypto";
import { createRemoteJWKSet, decodeJwt, jwtVerify } from "jose";
import * as oauth from "oauth4webapi";
import { beforeAll, describe, expect, it } from "vitest";
import { LoginUserAgent } from "./helpers/login-user-agent.js";
import { useOAuthTestEmulator, type OAuthTestEmulator } from "./helpers/oauth-app.js";
import { authorizationUrl, discover, discoverOpenId, insecure, introspect, postForm, refresh, registerClient } from "./helpers/oauth-client.js";
import { signInWithPassword } from "./helpers/sign-in.js";

const REDIRECT_URI = "http://127.0.0.1:45003/callback";
const CONFIGURED = "http://127.0.0.1:3001/mcp"; // the default seed's resource indicator

/** One client signing bob in through the hosted login with the given authorization parameters. */
function signedInClient(emu: OAuthTestEmulator) {
  const ctx = {} as { as: oauth.AuthorizationServer; client: oauth.Client };
  beforeAll(async () => {
    ctx.as = await discover(emu.issuer);
    ctx.client = await registerClient(ctx.as, { redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "none", grant_types: ["authorization_code", "refresh_token"] });
  });
  async function tokensFor(params: Record<string, string>, options: { expectedNonce?: string; resource?: string } = {}) {
    const pkce = await authorizationUrl(ctx.as, ctx.client.client_id, REDIRECT_URI, params);
    const url = new URL(pkce.url);
    if (params.scope === "") url.searchParams.delete("scope");
    const callback = await signInWithPassword(new LoginUserAgent(emu.issuer), url.href, "bob@acme.test");
    const validated = oauth.validateAuthResponse(ctx.as, ctx.client, callback, pkce.state);
    const extra = options.resource === undefined ? undefined : { resource: options.resource };
    const response = await oauth.authorizationCodeGrantRequest(ctx.as, ctx.client, oauth.None(), validated, REDIRECT_URI, pkce.verifier, { ...insecure, additionalParameters: extra });
    return oauth.processAuthorizationCodeResponse(ctx.as, ctx.client, response, { expectedNonce: options.expectedNonce ?? oauth.expectNoNonce });
  }
  return { ctx, tokensFor };
}

describe("token endpoint semantics (AuthKit's token reference, via oauth4webapi)", () => {
  const emu = useOAuthTestEmulator();
  const { ctx, tokensFor } = signedInClient(emu);

  it("issues a refresh token only when offline_access was requested", async () => {
    const without = await tokensFor({ scope: "openid profile email" });
    expect(without.refresh_token).toBeUndefined();
    const withOffline = await tokensFor({ scope: "openid offline_access" });
    expect(withOffline.refresh_token).toBeTypeOf("string");
  });

  it("names the granted scope in the response only when the client asked for none (RFC 6749 §5.1)", async () => {
    const named = await tokensFor({ scope: "openid email" });
    expect(named).not.toHaveProperty("scope");
    const defaulted = await tokensFor({ scope: "" });
    expect(defaulted.scope).toBe("openid profile email offline_access");
    expect(defaulted.refresh_token).toBeTypeOf("string");
  });

  it("returns a signed id_token for openid with nonce, at_hash and the profile and email claims", async () => {
    const nonce = oauth.generateRandomNonce();
    const tokens = await tokensFor({ scope: "openid profile email", nonce }, { expectedNonce: nonce });
    expect(tokens.token_type).toBe("bearer");
    const { payload, protectedHeader } = await jwtVerify(tokens.id_token!, createRemoteJWKSet(new URL((await discoverOpenId(emu.issuer)).jwks_uri!)), { issuer: emu.issuer, audience: ctx.client.client_id });
    expect(protectedHeader.alg).toBe("RS256");
    const digest = createHash("sha256").update(tokens.access_token, "ascii").digest();
    expect(payload).toMatchObject({
      sub: "user_01BOB0000000000000000000",
      nonce,
      at_hash: digest.subarray(0, 16).toString("base64url"),
      name: "Bob Baker",
      given_name: "Bob",
      family_name: "Baker",
      email: "bob@acme.test",
      email_verified: true,
    });
    expect(payload.exp! - payload.iat!).toBe(300);

    const bare = await tokensFor({ scope: "openid offline_access" });
    const bareClaims = decodeJwt(bare.id_token!);
    expect(bareClaims).not.toHaveProperty("email");
    expect(bareClaims).not.toHaveProperty("name");
    expect(bareClaims).not.toHaveProperty("nonce");
    // OIDC Core §12.2: a refresh brings a new ID token for the same user, without a nonce.
    const refreshed = await refresh(ctx.as, ctx.client, oauth.None(), bare.refresh_token!);
    expect(decodeJwt(refreshed.id_token!)).toMatchObject({ sub: "user_01BOB0000000000000000000", aud: ctx.client.client_id });

    const noOpenId = await tokensFor({ scope: "email offline_access" });
    expect(noOpenId.id_token).toBeUndefined();
  });

  it("refuses an unknown scope with invalid_scope, redirected to the client (RFC 6749 §4.1.2.1)", async () => {
    const pkce = await authorizationUrl(ctx.as, ctx.client.client_id, REDIRECT_URI, { scope: "openid mcp:tools" });
    const response = await fetch(pkce.url, { redirect: "manual" });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location")!);
    expect(location.origin + location.pathname).toBe(REDIRECT_URI);
    expect(location.searchParams.get("error")).toBe("invalid_scope");
    expect(location.searchParams.get("state")).toBe(pkce.state);
  });

  it("binds aud to a configured resource indicator, and to the client id for any other resource", async () => {
    const configured = await tokensFor({ resource: CONFIGURED }, { resource: CONFIGURED });
    expect(decodeJwt(configured.access_token).aud).toBe(CONFIGURED);
    const other = "http://127.0.0.1:3999/mcp";
    const unconfigured = await tokensFor({ resource: other }, { resource: other });
    expect(decodeJwt(unconfigured.access_token).aud).toBe(emu.emulator.clientId);
    const none = await tokensFor({});
    expect(decodeJwt(none.access_token).aud).toBe(emu.emulator.clientId);
  });

  it("follows the resource indicator API: a default indicator is the audience of resource-less tokens, a deleted one stops binding", async () => {
    const api = (method: string, path: string, body?: unknown) =>
      fetch(`${emu.issuer}/user_management/authkit_oauth_resources${path}`, {
        method,
        headers: { authorization: `Bearer ${emu.emulator.apiKey}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const created = (await (await api("POST", "", { uri: "https://mcp.example.test/mcp", default: true })).json()) as { id: string };
    const tokens = await tokensFor({});
    expect(decodeJwt(tokens.access_token).aud).toBe("https://mcp.example.test/mcp");
    expect((await api("DELETE", `/${created.id}`)).status).toBe(204);
    const refreshed = await refresh(ctx.as, ctx.client, oauth.None(), tokens.refresh_token!);
    expect(decodeJwt(refreshed.access_token).aud).toBe(emu.emulator.clientId);
  });

  it("answers userinfo with sub and only the claims the token's scope releases", async () => {
    const userinfo = async (scope: string) => {
      const tokens = await tokensFor({ scope });
      const response = await fetch((await discoverOpenId(emu.issuer)).userinfo_endpoint!, { headers: { authorization: `Bearer ${tokens.access_token}` } });
      return response.json();
    };
    expect(await userinfo("openid")).toEqual({ sub: "user_01BOB0000000000000000000" });
    expect(await userinfo("openid email")).toEqual({ sub: "user_01BOB0000000000000000000", email: "bob@acme.test", email_verified: true });
    expect(await userinfo("openid profile")).toEqual({ sub: "user_01BOB0000000000000000000", name: "Bob Baker", given_name: "Bob", family_name: "Baker" });
  });

  it("keeps the introspection response to AuthKit's documented fields", async () => {
    const tokens = await tokensFor({ scope: "openid offline_access" });
    const access = await introspect(emu.issuer, tokens.access_token);
    expect(Object.keys(access.body).sort()).toEqual(["active", "client_id", "exp", "iat", "iss", "jti", "org_id", "sid", "sub", "token_type"]);
    expect(access.body.token_type).toBe("access_token");
    const refreshToken = await introspect(emu.issuer, tokens.refresh_token!);
    expect(Object.keys(refreshToken.body).sort()).toEqual(["active", "client_id", "iat", "iss", "org_id", "sub", "token_type"]);
    expect(refreshToken.body.token_type).toBe("refresh_token");
  });
});

describe("the JWT template decides which organization claims access tokens carry", () => {
  const cases = [
    [[], {}],
    [["role", "permissions"], { role: "member", permissions: ["posts:read"] }],
  ] as const;
  for (const [claims, expected] of cases) {
    describe(`jwtTemplate: [${claims.join(", ")}]`, () => {
      const emu = useOAuthTestEmulator({ jwtTemplate: [...claims] });
      const { tokensFor } = signedInClient(emu);
      it("adds exactly those claims", async () => {
        const payload = decodeJwt((await tokensFor({ scope: "openid" })).access_token);
        const organizationClaims = Object.fromEntries(["role", "roles", "permissions", "entitlements"].filter((claim) => claim in payload).map((claim) => [claim, payload[claim]]));
        expect(organizationClaims).toEqual(expected);
        expect(payload.org_id).toBe("org_01ACME000000000000000000");
      });
    });
  }
});
