import { decodeJwt } from "jose";
import * as oauth from "oauth4webapi";
import { beforeAll, describe, expect, it } from "vitest";
import { expectPage, LoginUserAgent, parseForms, type Page } from "./helpers/login-user-agent.js";
import { useOAuthTestEmulator } from "./helpers/oauth-app.js";
import { authorizationUrl, discover, exchangeCode, registerClient, type PkceAuthorization } from "./helpers/oauth-client.js";
import { approve } from "./helpers/sign-in.js";

const REDIRECT_URI = "http://127.0.0.1:1235/cb";

describe("POST /login/restart (\"Use a different email\")", () => {
  const emu = useOAuthTestEmulator();
  let as: oauth.AuthorizationServer;
  let client: oauth.Client;

  beforeAll(async () => {
    as = await discover(emu.issuer);
    client = await registerClient(as, { redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "none" });
  });

  /** A sign-in waiting for dana's magic code, and the code she was sent. */
  async function awaitingMagicCode(): Promise<{ agent: LoginUserAgent; pkce: PkceAuthorization; codePage: Page; code: string }> {
    const pkce = await authorizationUrl(as, client.client_id, REDIRECT_URI);
    const agent = new LoginUserAgent(emu.issuer);
    const signIn = expectPage(await agent.navigate(pkce.url));
    const codePage = expectPage(await agent.submit(signIn, "/login/magic-code", { email: "dana@acme.test" }, "Email me"));
    expect(codePage.html).toContain("Check your email");
    return { agent, pkce, codePage, code: emu.emulator.state.outbox.at(-1)!.code! };
  }

  it("goes back to the email form and voids the pending magic code", async () => {
    const { agent, pkce, codePage, code } = await awaitingMagicCode();
    const restarted = expectPage(await agent.submit(codePage, "/login/restart", {}, "Use a different email"));
    expect(restarted.status).toBe(200);
    expect(restarted.url).toMatch(/\/login\?authorization_id=/);
    expect(parseForms(restarted.html).map((form) => form.action)).toContain("/login/password");
    expect(restarted.html).not.toContain("Check your email");

    // The code sent before the restart no longer signs anyone in: the email form is shown again.
    const stale = expectPage(await agent.submit(codePage, "/login/magic-code/verify", { code }));
    expect(parseForms(stale.html).map((form) => form.action)).toContain("/login/password");

    // Another user can now sign in on the same authorization request.
    const signedIn = await agent.submit(restarted, "/login/password", { email: "bob@acme.test", password: "dev-password" }, "Sign in");
    const callback = await approve(agent, signedIn);
    const tokens = await exchangeCode(as, client, oauth.None(), callback, REDIRECT_URI, pkce);
    expect(decodeJwt(tokens.access_token).sub).toBe("user_01BOB0000000000000000000");
  });

  it("answers a browser the sign-in was not started in with the expired page, leaving the sign-in as it was", async () => {
    const { agent, codePage, code } = await awaitingMagicCode();
    const authorizationId = parseForms(codePage.html).find((form) => form.action === "/login/restart")!.fields.authorization_id!;
    const foreign = await fetch(`${emu.issuer}/login/restart`, { method: "POST", body: new URLSearchParams({ authorization_id: authorizationId }), redirect: "manual" });
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toContain("This sign-in has expired");

    const callback = await approve(agent, await agent.submit(codePage, "/login/magic-code/verify", { code }));
    expect(callback.searchParams.get("code")).toBeTypeOf("string");
  });
});
