import * as oauth from "oauth4webapi";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../src/index.js";
import { discover, refresh } from "./helpers/oauth-client.js";
import { SEED, workosFor } from "./sdk-client.js";

const RESOURCE = "http://127.0.0.1:3001/mcp"; // configured in the default seed
const redirectUri = "http://127.0.0.1:9/callback";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, logger: { info() {}, warn() {}, error() {} }, autoLogin: "alice@acme.test" });
});
afterAll(() => emulator.stop());

/** The tokens of a real sign-in through the OAuth flow, to compare test tokens with. */
async function oauthSignIn(resource?: string) {
  const as = await discover(emulator.issuer);
  const client = (await (await fetch(as.registration_endpoint!, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ redirect_uris: [redirectUri], token_endpoint_auth_method: "none", grant_types: ["authorization_code", "refresh_token"] }),
  })).json()) as { client_id: string };
  const verifier = oauth.generateRandomCodeVerifier();
  const url = new URL(as.authorization_endpoint!);
  url.search = new URLSearchParams({
    client_id: client.client_id, redirect_uri: redirectUri, response_type: "code", scope: "openid profile email offline_access",
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier), code_challenge_method: "S256", ...(resource ? { resource } : {}),
  }).toString();
  const location = new URL((await fetch(url, { redirect: "manual" })).headers.get("location")!);
  const response = await fetch(as.token_endpoint!, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "authorization_code", code: location.searchParams.get("code")!, redirect_uri: redirectUri, client_id: client.client_id, code_verifier: verifier, ...(resource ? { resource } : {}) }),
  });
  return (await response.json()) as { access_token: string };
}

describe("emulator.issueAccessToken", () => {
  it("issues what the OAuth flow issues for that user: same header, same claim names, template role and permissions", async () => {
    const flow = await oauthSignIn(RESOURCE);
    const issued = await emulator.issueAccessToken({ user: "alice@acme.test", organization: "Acme Corp", resource: RESOURCE });
    expect(decodeProtectedHeader(issued.accessToken)).toEqual(decodeProtectedHeader(flow.access_token));
    const claims = decodeJwt(issued.accessToken);
    expect(Object.keys(claims).sort()).toEqual(Object.keys(decodeJwt(flow.access_token)).sort());
    expect(claims).toMatchObject({
      iss: emulator.issuer,
      sub: SEED.alice,
      aud: RESOURCE,
      org_id: SEED.acme,
      sid: issued.sessionId,
      client_id: issued.clientId,
      role: "admin",
      scope: "openid profile email offline_access",
    });
    expect(claims.permissions).toEqual(expect.arrayContaining(["reports:read"]));
    expect(issued.expiresAt.getTime()).toBe((claims.exp as number) * 1000);
    expect(issued.refreshToken).toEqual(expect.any(String));
    expect(issued.idToken).toEqual(expect.any(String));
  });

  it("takes a user id, and without an organization or a resource issues aud = client id and no org_id", async () => {
    const issued = await emulator.issueAccessToken({ user: SEED.bob, scopes: ["openid"] });
    const claims = decodeJwt(issued.accessToken);
    expect(claims).toMatchObject({ sub: SEED.bob, aud: emulator.clientId, scope: "openid" });
    expect(claims.org_id).toBeUndefined();
    expect(issued.refreshToken).toBeUndefined(); // no offline_access, as at the token endpoint
  });

  it("honours ttlSeconds and adds custom claims, but not over the ones the sign-in sets", async () => {
    const issued = await emulator.issueAccessToken({ user: "dana@acme.test", ttlSeconds: 60, claims: { feature_flags: ["beta"] } });
    const claims = decodeJwt(issued.accessToken);
    expect((claims.exp as number) - (claims.iat as number)).toBe(60);
    expect(claims.feature_flags).toEqual(["beta"]);
    await expect(emulator.issueAccessToken({ user: "dana@acme.test", claims: { sub: SEED.alice } })).rejects.toMatchObject({ code: "invalid_request_parameters", errors: [{ field: "claims", code: "reserved_claim" }] });
  });

  it("opens a real session: the refresh token works at the token endpoint and revoking the session through the SDK ends it", async () => {
    const issued = await emulator.issueAccessToken({ user: "alice@acme.test", organization: SEED.acme });
    const as = await discover(emulator.issuer);
    const client = { client_id: issued.clientId, token_endpoint_auth_method: "none" } as oauth.Client;
    const refreshed = await refresh(as, client, oauth.None(), issued.refreshToken!);
    expect(decodeJwt(refreshed.access_token)).toMatchObject({ sub: SEED.alice, sid: issued.sessionId });

    const sessions = await workosFor(emulator).userManagement.listSessions(SEED.alice);
    expect(sessions.data.map((session) => session.id)).toContain(issued.sessionId);
    await workosFor(emulator).userManagement.revokeSession({ sessionId: issued.sessionId });
    const error = await refresh(as, client, oauth.None(), refreshed.refresh_token!).catch((e: unknown) => e);
    expect((error as oauth.ResponseBodyError).error).toBe("invalid_grant");
  });

  it.each([
    [{ user: "nobody@acme.test" }, "entity_not_found"],
    [{ user: "carol@globex.test", organization: SEED.acme }, "not_a_member"],
    [{ user: "alice@acme.test", organization: "org_01NOSUCHORG0000000000000" }, "entity_not_found"],
    [{ user: "alice@acme.test", scopes: ["openid", "admin:all"] }, "invalid_scope"],
    [{ user: "alice@acme.test", resource: "https://other.example/mcp" }, "invalid_target"],
    [{ user: "alice@acme.test", ttlSeconds: 0 }, "invalid"],
    [{ user: "" }, "required"],
  ] as const)("refuses %j (%s)", async (input, code) => {
    const error = (await emulator.issueAccessToken(input as never).catch((e: unknown) => e)) as { code: string; errors?: { code: string }[]; message: string };
    expect(error.code === code || error.errors?.[0]?.code === code).toBe(true);
    expect(error.message.length).toBeGreaterThan(10);
  });
});

describe("POST /_emulator/tokens", () => {
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${emulator.url}/_emulator/tokens`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });

  it("answers 201 with the tokens and the session", async () => {
    const response = await post({ user: "carol@globex.test", organization: "Globex", scopes: ["openid", "offline_access"] });
    expect(response.status).toBe(201);
    const body = (await response.json()) as Record<string, string>;
    expect(body).toMatchObject({ access_token: expect.any(String), refresh_token: expect.any(String), id_token: expect.any(String), session_id: expect.stringMatching(/^session_/), client_id: expect.stringMatching(/^client_/) });
    expect(Date.parse(body.expires_at!)).toBe((decodeJwt(body.access_token!).exp as number) * 1000);
    expect(decodeJwt(body.access_token!)).toMatchObject({ sub: SEED.carol, org_id: SEED.globex });
  });

  it("answers refusals with the API's error shape", async () => {
    const missing = await post({ user: "nobody@example.test" });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: "entity_not_found", entity_id: "nobody@example.test" });
    const foreign = await post({ user: "carol@globex.test", organization: "Acme Corp" });
    expect(foreign.status).toBe(422);
    expect(await foreign.json()).toMatchObject({ errors: [{ field: "organization", code: "not_a_member" }] });
  });

  it("is closed to web pages: no cross-site caller, no form posts", async () => {
    expect((await post({ user: "alice@acme.test" }, { origin: "https://evil.example", "sec-fetch-site": "cross-site" })).status).toBe(403);
    const form = await fetch(`${emulator.url}/_emulator/tokens`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "user=alice%40acme.test" });
    expect(form.status).toBe(415);
  });
});

describe("the client test tokens are issued to", () => {
  it("is the emulator's own, by id, even after a web page registered a client with its name", async () => {
    const fresh = await startEmulator({ port: 0, logger: { info() {}, warn() {}, error() {} } });
    try {
      const squatter = (await (await fetch(`${fresh.url}/oauth2/register`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: "https://attacker.example", "sec-fetch-site": "cross-site" },
        body: JSON.stringify({ client_name: "authkit-emulator test tokens", redirect_uris: ["https://attacker.example/cb"], token_endpoint_auth_method: "none", grant_types: ["authorization_code", "refresh_token"] }),
      })).json()) as { client_id: string };
      const first = await fresh.issueAccessToken({ user: "alice@acme.test" });
      expect(first.clientId).not.toBe(squatter.client_id);
      expect(decodeJwt(first.accessToken).client_id).toBe(first.clientId);
      const second = await fresh.issueAccessToken({ user: "bob@acme.test" });
      expect(second.clientId).toBe(first.clientId);
    } finally {
      await fresh.stop();
    }
  });
});
