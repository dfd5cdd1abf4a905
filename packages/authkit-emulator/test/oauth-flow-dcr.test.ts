import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import * as oauth from "oauth4webapi";
import { describe, expect, it } from "vitest";
import { LoginUserAgent } from "./helpers/login-user-agent.js";
import { useOAuthTestEmulator } from "./helpers/oauth-app.js";
import { authorizationUrl, discover, discoverOpenId, exchangeCode, insecure, introspect, postForm, refresh, registerClient } from "./helpers/oauth-client.js";
import { signInWithPassword } from "./helpers/sign-in.js";

const REDIRECT_URI = "http://127.0.0.1:33418/callback";
const RESOURCE = "http://127.0.0.1:3001/mcp";

describe("authorization code + PKCE with a dynamically registered client (oauth4webapi)", () => {
  const emu = useOAuthTestEmulator();

  it("discovers, registers, signs in through the forms, exchanges, verifies, refreshes", async () => {
    const as = await discover(emu.issuer);
    expect(as.registration_endpoint).toBe(`${emu.issuer}/oauth2/register`);

    const client = await registerClient(as, {
      redirect_uris: [REDIRECT_URI],
      token_endpoint_auth_method: "none",
      grant_types: ["authorization_code", "refresh_token"],
      client_name: "Flow Test Client",
    });
    expect(client.client_id).toMatch(/^client_01[0-9A-Z]{24}$/);
    expect(client.client_secret).toBeUndefined();

    const pkce = await authorizationUrl(as, client.client_id, REDIRECT_URI, { resource: RESOURCE });
    const agent = new LoginUserAgent(emu.issuer);
    // alice belongs to Acme and Globex: the organization picker appears; she picks Globex.
    const callback = await signInWithPassword(agent, pkce.url, "alice@acme.test", { organization: "Globex" });
    expect(callback.origin + callback.pathname).toBe(REDIRECT_URI);
    expect(callback.searchParams.get("state")).toBe(pkce.state);

    const tokens = await exchangeCode(as, client, oauth.None(), callback, REDIRECT_URI, pkce, { resource: RESOURCE });
    expect(tokens.token_type).toBe("bearer");
    expect(tokens.expires_in).toBe(300);
    // AuthKit's token response: no `scope` when the client named the scope it asked for.
    expect(Object.keys(tokens).sort()).toEqual(["access_token", "expires_in", "id_token", "refresh_token", "token_type"]);

    const jwks = createRemoteJWKSet(new URL((await discoverOpenId(emu.issuer)).jwks_uri!));
    const { payload, protectedHeader } = await jwtVerify(tokens.access_token, jwks, { issuer: emu.issuer, audience: RESOURCE });
    expect(protectedHeader.alg).toBe("RS256");
    expect(protectedHeader.kid).toBeTypeOf("string");
    expect(payload).toMatchObject({
      sub: "user_01ALICE00000000000000000",
      client_id: client.client_id,
      org_id: "org_01GLOBEX0000000000000000",
      scope: "openid profile email offline_access",
      role: "member",
      roles: ["member"],
      permissions: ["posts:read"],
      entitlements: [],
    });
    expect(payload.sid).toMatch(/^session_/);
    expect(payload.exp! - payload.iat!).toBe(300);
    expect(payload.jti).toBeTypeOf("string");

    // The userinfo endpoint is named in the OpenID configuration, as on AuthKit, not in the RFC 8414 document.
    const oidc = await discoverOpenId(emu.issuer);
    const userinfo = await oauth.processUserInfoResponse(oidc, client, payload.sub!, await oauth.userInfoRequest(oidc, client, tokens.access_token, insecure));
    expect(userinfo).toMatchObject({ sub: payload.sub, email: "alice@acme.test", email_verified: true, name: "Alice Anderson" });

    const introspection = await introspect(emu.issuer, tokens.access_token);
    // Only the fields AuthKit's introspection reference lists.
    expect(introspection.body).toEqual({
      active: true,
      token_type: "access_token",
      client_id: client.client_id,
      iss: emu.issuer,
      sub: payload.sub,
      iat: payload.iat,
      sid: payload.sid,
      jti: payload.jti,
      org_id: payload.org_id,
      exp: payload.exp,
    });
    const refreshIntrospection = await introspect(emu.issuer, tokens.refresh_token!);
    expect(refreshIntrospection.body).toEqual({
      active: true,
      token_type: "refresh_token",
      client_id: client.client_id,
      iss: emu.issuer,
      sub: payload.sub,
      iat: expect.any(Number),
      org_id: payload.org_id,
    });

    const refreshed = await refresh(as, client, oauth.None(), tokens.refresh_token!);
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    const second = await jwtVerify(refreshed.access_token, jwks, { issuer: emu.issuer, audience: RESOURCE });
    expect(second.payload.sid).toBe(payload.sid);
    expect(second.payload.org_id).toBe("org_01GLOBEX0000000000000000");

    // Reusing the spent refresh token revokes the whole chain, including the fresh one and the session.
    const reuse = await postForm(as.token_endpoint!, { grant_type: "refresh_token", refresh_token: tokens.refresh_token!, client_id: client.client_id });
    expect(reuse.status).toBe(400);
    expect(reuse.body.error).toBe("invalid_grant");
    const afterReuse = await postForm(as.token_endpoint!, { grant_type: "refresh_token", refresh_token: refreshed.refresh_token!, client_id: client.client_id });
    expect(afterReuse.body.error).toBe("invalid_grant");
    const revoked = await introspect(emu.issuer, refreshed.access_token);
    expect(revoked.body).toEqual({ active: false });
    expect(emu.emulator.state.sessions.find((s) => s.id === payload.sid)?.revoked).toBe(true);
    expect(emu.logs.join("\n")).not.toContain(tokens.refresh_token!);
  });

  it("defaults aud to the environment client id and works for confidential clients (basic and post)", async () => {
    const as = await discover(emu.issuer);
    for (const method of ["client_secret_basic", "client_secret_post"] as const) {
      const client = await registerClient(as, { redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: method, client_name: `Confidential ${method}` });
      expect(client.client_secret).toBeTypeOf("string");
      const auth = method === "client_secret_basic" ? oauth.ClientSecretBasic(client.client_secret as string) : oauth.ClientSecretPost(client.client_secret as string);
      const pkce = await authorizationUrl(as, client.client_id, REDIRECT_URI);
      const callback = await signInWithPassword(new LoginUserAgent(emu.issuer), pkce.url, "bob@acme.test");
      const tokens = await exchangeCode(as, client, auth, callback, REDIRECT_URI, pkce);
      const { payload } = await jwtVerify(tokens.access_token, createRemoteJWKSet(new URL((await discoverOpenId(emu.issuer)).jwks_uri!)), { issuer: emu.issuer, audience: emu.emulator.clientId });
      expect(payload).toMatchObject({ sub: "user_01BOB0000000000000000000", org_id: "org_01ACME000000000000000000", role: "member" });
      expect(decodeProtectedHeader(tokens.access_token).kid).toBe(emu.emulator.state.keys.at(-1)?.kid);
      const refreshed = await refresh(as, client, auth, tokens.refresh_token!);
      expect(refreshed.access_token).toBeTypeOf("string");
    }
  });

  it("refuses refresh after the session is revoked (revokeSession), and has no RFC 7009 endpoint, as AuthKit has none", async () => {
    const as = await discover(emu.issuer);
    const client = await registerClient(as, { redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "none" });
    const pkce = await authorizationUrl(as, client.client_id, REDIRECT_URI);
    const tokens = await exchangeCode(as, client, oauth.None(), await signInWithPassword(new LoginUserAgent(emu.issuer), pkce.url, "dana@acme.test"), REDIRECT_URI, pkce);
    const sid = (await jwtVerify(tokens.access_token, createRemoteJWKSet(new URL((await discoverOpenId(emu.issuer)).jwks_uri!)))).payload.sid;
    emu.emulator.state.sessions.find((s) => s.id === sid)!.revoked = true;
    const refused = await postForm(as.token_endpoint!, { grant_type: "refresh_token", refresh_token: tokens.refresh_token!, client_id: client.client_id });
    expect(refused).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    const userinfo = await fetch((await discoverOpenId(emu.issuer)).userinfo_endpoint!, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(userinfo.status).toBe(401);
    expect(userinfo.headers.get("www-authenticate")).toContain('error="invalid_token"');

    // A client that revokes with RFC 7009 finds no endpoint here, as on AuthKit.
    expect(as.revocation_endpoint).toBeUndefined();
    const revoke = await postForm(`${emu.issuer}/oauth2/revoke`, { token: tokens.refresh_token!, client_id: client.client_id });
    expect(revoke.status).toBe(404);
  });
});
