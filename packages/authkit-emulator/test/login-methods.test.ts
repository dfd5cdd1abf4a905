import { decodeJwt } from "jose";
import * as oauth from "oauth4webapi";
import { beforeAll, describe, expect, it } from "vitest";
import { expectCallback, expectPage, LoginUserAgent } from "./helpers/login-user-agent.js";
import { useOAuthTestEmulator } from "./helpers/oauth-app.js";
import { authorizationUrl, discover, exchangeCode, registerClient } from "./helpers/oauth-client.js";
import { approve } from "./helpers/sign-in.js";
import { workosFor } from "./sdk-client.js";

const REDIRECT_URI = "http://127.0.0.1:1234/cb";

describe("hosted login through the HTML forms", () => {
  const emu = useOAuthTestEmulator();
  let as: oauth.AuthorizationServer;
  let client: oauth.Client;

  beforeAll(async () => {
    as = await discover(emu.issuer);
    client = await registerClient(as, { redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "none", client_name: `<img src=x onerror=alert(1)> "Evil" & Co` });
  });

  async function claimsAfter(callback: URL, pkce: Awaited<ReturnType<typeof authorizationUrl>>) {
    return decodeJwt((await exchangeCode(as, client, oauth.None(), callback, REDIRECT_URI, pkce)).access_token);
  }

  it("escapes the attacker-controlled client name", async () => {
    const pkce = await authorizationUrl(as, client.client_id, REDIRECT_URI);
    const page = expectPage(await new LoginUserAgent(emu.issuer).navigate(pkce.url));
    expect(page.html).not.toContain("<img src=x");
    expect(page.html).toContain("&lt;img src=x onerror=alert(1)&gt; &quot;Evil&quot; &amp; Co");
  });

  it("signs in with a magic code read from the outbox", async () => {
    const pkce = await authorizationUrl(as, client.client_id, REDIRECT_URI);
    const agent = new LoginUserAgent(emu.issuer);
    const signIn = expectPage(await agent.navigate(pkce.url));
    const codePage = expectPage(await agent.submit(signIn, "/login/magic-code", { email: "dana@acme.test" }, "Email me"));
    expect(codePage.html).toContain("Check your email");
    const message = emu.emulator.state.outbox.at(-1)!;
    expect(message).toMatchObject({ to: "dana@acme.test", subject: "Your sign-in code" });
    expect(message.code).toMatch(/^\d{6}$/);
    expect(emu.logs.some((line) => line.includes(message.code!) && line.includes("dana@acme.test"))).toBe(true);

    const wrong = expectPage(await agent.submit(codePage, "/login/magic-code/verify", { code: message.code === "000000" ? "111111" : "000000" }));
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain("not correct");
    const callback = await approve(agent, await agent.submit(wrong, "/login/magic-code/verify", { code: message.code! }));
    expect(await claimsAfter(callback, pkce)).toMatchObject({ sub: "user_01DANA000000000000000000", role: "analyst", permissions: ["reports:read"] });
  });

  it("sends an SSO domain to the simulated identity provider of its connection", async () => {
    const pkce = await authorizationUrl(as, client.client_id, REDIRECT_URI);
    const agent = new LoginUserAgent(emu.issuer);
    const signIn = expectPage(await agent.navigate(pkce.url));
    const idp = expectPage(await agent.submit(signIn, "/login/password", { email: "carol@globex.test" }, "Sign in"));
    expect(idp.html).toContain("Globex Okta");
    expect(idp.html).toContain("Simulated identity provider");
    const callback = await approve(agent, await agent.submit(idp, "/login/sso", {}, "Sign in as carol@globex.test"));
    expect(await claimsAfter(callback, pkce)).toMatchObject({ sub: "user_01CAROL00000000000000000", org_id: "org_01GLOBEX0000000000000000", role: "admin" });
  });

  it("shows the organization picker for a user with several memberships and the consent screen", async () => {
    const pkce = await authorizationUrl(as, client.client_id, REDIRECT_URI, { resource: "http://127.0.0.1:3001/mcp" });
    const agent = new LoginUserAgent(emu.issuer);
    const signIn = expectPage(await agent.navigate(pkce.url));
    const picker = expectPage(await agent.submit(signIn, "/login/password", { email: "alice@acme.test", password: "dev-password" }, "Sign in"));
    expect(picker.html).toContain("Choose an organization");
    expect(picker.html).toContain("Acme Corp");
    expect(picker.html).toContain("Globex");
    const consent = expectPage(await agent.submit(picker, "/login/organization", {}, "Acme Corp"));
    expect(consent.html).toContain("Allow &lt;img");
    expect(consent.html).toContain("Acme Corp");
    expect(consent.html).toContain("http://127.0.0.1:3001/mcp");
    const callback = expectCallback(await agent.submit(consent, "/login/consent", {}, "Allow"));
    const claims = await claimsAfter(callback, pkce);
    expect(claims).toMatchObject({ org_id: "org_01ACME000000000000000000", role: "admin", aud: "http://127.0.0.1:3001/mcp" });
    expect(claims.permissions).toEqual(["reports:read", "reports:write", "members:manage", "audit:write"]);
  });

  it("returns access_denied with state when consent is denied", async () => {
    const pkce = await authorizationUrl(as, client.client_id, REDIRECT_URI);
    const agent = new LoginUserAgent(emu.issuer);
    const signIn = expectPage(await agent.navigate(pkce.url));
    const consent = expectPage(await agent.submit(signIn, "/login/password", { email: "bob@acme.test", password: "dev-password" }, "Sign in"));
    const callback = expectCallback(await agent.submit(consent, "/login/consent", {}, "Deny"));
    expect(callback.searchParams.get("error")).toBe("access_denied");
    expect(callback.searchParams.get("state")).toBe(pkce.state);
    expect(callback.searchParams.get("code")).toBeNull();
  });

  it("rejects a wrong password without leaking it, and forms posted from another browser", async () => {
    const pkce = await authorizationUrl(as, client.client_id, REDIRECT_URI);
    const agent = new LoginUserAgent(emu.issuer);
    const signIn = expectPage(await agent.navigate(pkce.url));
    const wrong = expectPage(await agent.submit(signIn, "/login/password", { email: "bob@acme.test", password: "hunter2-wrong" }, "Sign in"));
    expect(wrong.status).toBe(401);
    expect(wrong.html).toContain("Incorrect email or password");
    expect(wrong.html).not.toContain("hunter2-wrong");
    expect(emu.logs.join("\n")).not.toContain("hunter2-wrong");

    // Login CSRF: the pending sign-in is bound to the browser that started it.
    const attacker = new LoginUserAgent(emu.issuer);
    const stolen = expectPage(await attacker.submit(signIn, "/login/password", { email: "bob@acme.test", password: "dev-password" }, "Sign in"));
    expect(stolen.status).toBe(400);
    expect(stolen.html).toContain("expired");
  });

  it("sets security headers on the login pages", async () => {
    const pkce = await authorizationUrl(as, client.client_id, REDIRECT_URI);
    const first = await fetch(pkce.url, { redirect: "manual" });
    expect(first.headers.get("set-cookie")).toMatch(/HttpOnly/i);
    const page = await fetch(new URL(first.headers.get("location")!, emu.issuer), { headers: { cookie: first.headers.get("set-cookie")!.split(";")[0]! } });
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(page.headers.get("cache-control")).toBe("no-store");
  });

  it("records on each session how the user signed in and from which browser (listSessions)", async () => {
    const workos = workosFor(emu.emulator);
    const sessionsOf = async (userId: string) => (await workos.userManagement.listSessions(userId)).data;
    // The cases above signed Dana in with a magic code, Carol through SSO and Alice with a password.
    expect((await sessionsOf("user_01DANA000000000000000000")).map((s) => s.authMethod)).toEqual(["magic_code"]);
    expect((await sessionsOf("user_01CAROL00000000000000000")).map((s) => s.authMethod)).toEqual(["sso"]);
    const [alice] = await sessionsOf("user_01ALICE00000000000000000");
    expect(alice).toMatchObject({ authMethod: "password", status: "active", ipAddress: "127.0.0.1", organizationId: "org_01ACME000000000000000000" });
    expect(alice?.userAgent).toEqual(expect.any(String));
  });
});

describe("autoLogin", () => {
  const emu = useOAuthTestEmulator({ autoLogin: "alice@acme.test" });

  it("skips the UI: that user, first organization, consent granted", async () => {
    const as = await discover(emu.issuer);
    const client = await registerClient(as, { redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "none" });
    const pkce = await authorizationUrl(as, client.client_id, REDIRECT_URI);
    const callback = expectCallback(await new LoginUserAgent(emu.issuer).navigate(pkce.url));
    const tokens = await exchangeCode(as, client, oauth.None(), callback, REDIRECT_URI, pkce);
    expect(decodeJwt(tokens.access_token)).toMatchObject({ sub: "user_01ALICE00000000000000000", org_id: "org_01ACME000000000000000000", role: "admin" });
  });
});
