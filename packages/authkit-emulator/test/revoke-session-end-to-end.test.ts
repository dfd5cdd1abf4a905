import * as oauth from "oauth4webapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../src/index.js";
import { authorizationUrl, discover, exchangeCode, refresh, registerClient } from "./helpers/oauth-client.js";
import { workosFor } from "./sdk-client.js";

const redirectUri = "http://127.0.0.1:9/callback";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, autoLogin: "alice@acme.test" });
});
afterAll(() => emulator.stop());

/** Auto-login skips the UI, so one authorize redirect carries the code straight back. */
async function signIn() {
  const as = await discover(emulator.issuer);
  const client = await registerClient(as, {
    redirect_uris: [redirectUri],
    token_endpoint_auth_method: "none",
    grant_types: ["authorization_code", "refresh_token"],
  });
  const pkce = await authorizationUrl(as, client.client_id, redirectUri);
  const redirect = await fetch(pkce.url, { redirect: "manual" });
  const callback = new URL(redirect.headers.get("location") as string, emulator.issuer);
  return { as, client, tokens: await exchangeCode(as, client, oauth.None(), callback, redirectUri, pkce) };
}

describe("userManagement.revokeSession against a real OAuth session", () => {
  it("after the SDK revokes the session, its refresh token is refused", async () => {
    const { as, client, tokens } = await signIn();
    expect(tokens.refresh_token).toBeDefined();
    const session = emulator.state.sessions.at(-1);
    expect(session?.user_id).toBe("user_01ALICE00000000000000000");

    await workosFor(emulator).userManagement.revokeSession({ sessionId: session?.id as string });

    const error = await refresh(as, client, oauth.None(), tokens.refresh_token as string).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(oauth.ResponseBodyError);
    expect((error as oauth.ResponseBodyError).error).toBe("invalid_grant");
  });
});
