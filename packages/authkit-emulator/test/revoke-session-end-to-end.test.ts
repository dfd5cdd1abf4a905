import * as oauth from "oauth4webapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../src/index.js";
import { workosFor } from "./sdk-client.js";

const insecure = { [oauth.allowInsecureRequests]: true } as const;
const redirectUri = "http://127.0.0.1:9/callback";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, autoLogin: "alice@acme.test" });
});
afterAll(() => emulator.stop());

/** Auto-login skips the UI, so one authorize redirect carries the code straight back. */
async function signIn(): Promise<{ as: oauth.AuthorizationServer; client: oauth.Client; tokens: oauth.TokenEndpointResponse }> {
  const issuer = new URL(emulator.issuer);
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: "oauth2", ...insecure }));
  const registration = await oauth.dynamicClientRegistrationRequest(
    as,
    { redirect_uris: [redirectUri], token_endpoint_auth_method: "none", grant_types: ["authorization_code", "refresh_token"] },
    insecure,
  );
  const client = (await oauth.processDynamicClientRegistrationResponse(registration)) as oauth.Client;
  const verifier = oauth.generateRandomCodeVerifier();
  const url = new URL(as.authorization_endpoint as string);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: client.client_id,
    redirect_uri: redirectUri,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    scope: "openid profile email offline_access",
  }).toString();
  const redirect = await fetch(url, { redirect: "manual" });
  const callback = new URL(redirect.headers.get("location") as string, emulator.issuer);
  const params = oauth.validateAuthResponse(as, client, callback, oauth.expectNoState);
  const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, redirectUri, verifier, insecure);
  return { as, client, tokens: await oauth.processAuthorizationCodeResponse(as, client, response) };
}

describe("userManagement.revokeSession against a real OAuth session", () => {
  it("after the SDK revokes the session, its refresh token is refused", async () => {
    const { as, client, tokens } = await signIn();
    expect(tokens.refresh_token).toBeDefined();
    const session = emulator.state.sessions.at(-1);
    expect(session?.user_id).toBe("user_01ALICE00000000000000000");

    await workosFor(emulator).userManagement.revokeSession({ sessionId: session?.id as string });

    const refresh = await oauth.refreshTokenGrantRequest(as, client, oauth.None(), tokens.refresh_token as string, insecure);
    const error = await oauth.processRefreshTokenResponse(as, client, refresh).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(oauth.ResponseBodyError);
    expect((error as oauth.ResponseBodyError).error).toBe("invalid_grant");
  });
});
