import { createLocalJWKSet, createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import * as oauth from "oauth4webapi";
import { describe, expect, it } from "vitest";
import { rotateSigningKey } from "../src/keys/index.js";
import { LoginUserAgent } from "./helpers/login-user-agent.js";
import { useOAuthTestEmulator } from "./helpers/oauth-app.js";
import { authorizationUrl, discover, exchangeCode, registerClient } from "./helpers/oauth-client.js";
import { signInWithPassword } from "./helpers/sign-in.js";

const REDIRECT_URI = "http://127.0.0.1:1234/cb";

describe("signing key rotation", () => {
  const emu = useOAuthTestEmulator();

  async function token(): Promise<string> {
    const as = await discover(emu.issuer);
    const client = await registerClient(as, { redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "none" });
    const pkce = await authorizationUrl(as, client.client_id, REDIRECT_URI);
    const callback = await signInWithPassword(new LoginUserAgent(emu.issuer), pkce.url, "dana@acme.test");
    return (await exchangeCode(as, client, oauth.None(), callback, REDIRECT_URI, pkce)).access_token;
  }
  const jwks = async () => (await fetch(`${emu.issuer}/oauth2/jwks`)).json() as Promise<{ keys: { kid: string }[] }>;

  it("signs with the new key, keeps the old one published until its tokens expire, then drops it", async () => {
    const before = await token();
    const oldKid = decodeProtectedHeader(before).kid;

    const rotation = await rotateSigningKey(emu.emulator.context);
    expect(rotation.kid).not.toBe(oldKid);
    const after = await token();
    expect(decodeProtectedHeader(after).kid).toBe(rotation.kid);

    const published = await jwks();
    expect(published.keys.map((key) => key.kid).sort()).toEqual([oldKid, rotation.kid].sort());
    const remote = createRemoteJWKSet(new URL(`${emu.issuer}/oauth2/jwks`));
    await expect(jwtVerify(after, remote, { issuer: emu.issuer })).resolves.toBeTruthy();
    await expect(jwtVerify(before, remote, { issuer: emu.issuer })).resolves.toBeTruthy();

    // Past accessTokenTtl (+ grace) the old key's tokens are expired and the key leaves the JWKS.
    const realNow = emu.emulator.context.now;
    emu.emulator.context.now = () => realNow() + emu.emulator.context.accessTokenTtl + 61;
    try {
      const later = await jwks();
      expect(later.keys.map((key) => key.kid)).toEqual([rotation.kid]);
      await expect(jwtVerify(before, createLocalJWKSet(later as never))).rejects.toThrow();
    } finally {
      emu.emulator.context.now = realNow;
    }
  });

  it("persists keys as JWKs in state.keys", () => {
    const active = emu.emulator.state.keys.find((key) => key.retired_at === null);
    expect(active?.privateJwk).toMatchObject({ kty: "RSA", alg: "RS256" });
    expect(active?.privateJwk).toHaveProperty("d");
    expect(active?.publicJwk).not.toHaveProperty("d");
  });
});
