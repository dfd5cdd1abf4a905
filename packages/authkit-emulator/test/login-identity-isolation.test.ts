import { decodeJwt } from "jose";
import * as oauth from "oauth4webapi";
import { beforeAll, describe, expect, it } from "vitest";
import { expectCallback, expectPage, LoginUserAgent, type Navigation } from "./helpers/login-user-agent.js";
import { useOAuthTestEmulator } from "./helpers/oauth-app.js";
import { authorizationUrl, discover, exchangeCode, postForm, registerClient } from "./helpers/oauth-client.js";
import { approve, signInWithPassword } from "./helpers/sign-in.js";

const REDIRECT_URI = "http://127.0.0.1:1234/cb";
const GLOBEX = "org_01GLOBEX0000000000000000";
const ACME = "org_01ACME000000000000000000";

async function postAdmin(origin: string, path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await fetch(`${origin}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(response.status).toBe(201);
  return (await response.json()) as Record<string, unknown>;
}

/**
 * Each step of the hosted login acts only on the identity that step authenticated: a later step
 * never inherits an email, an SSO route or an organization from another identity's step.
 */
describe("hosted login keeps each identity's state to itself", () => {
  const emu = useOAuthTestEmulator();
  let as: oauth.AuthorizationServer;
  let client: oauth.Client;

  beforeAll(async () => {
    as = await discover(emu.issuer);
    client = await registerClient(as, { redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "none" });
  });

  async function claimsAfter(callback: URL, pkce: Awaited<ReturnType<typeof authorizationUrl>>) {
    return decodeJwt((await exchangeCode(as, client, oauth.None(), callback, REDIRECT_URI, pkce)).access_token);
  }

  it("does not let the SSO step sign in an email typed later with a wrong password", async () => {
    const pkce = await authorizationUrl(as, client.client_id, REDIRECT_URI);
    const agent = new LoginUserAgent(emu.issuer);
    const signIn = expectPage(await agent.navigate(pkce.url));
    const idp = expectPage(await agent.submit(signIn, "/login/password", { email: "carol@globex.test" }, "Sign in"));
    expect(idp.html).toContain("Sign in as carol@globex.test");

    // The same browser goes back to the form and tries bob with a wrong password.
    const wrong = expectPage(await agent.submit(signIn, "/login/password", { email: "bob@acme.test", password: "not-bobs" }, "Sign in"));
    expect(wrong.status).toBe(401);

    // Posting the stale SSO page signs nobody in: the failed attempt ended the SSO route.
    const afterSso: Navigation = await agent.submit(idp, "/login/sso", {}, "Sign in as");
    const page = expectPage(afterSso);
    expect(page.html).toContain('action="/login/password"');
    expect(page.html).not.toContain("bob@acme.test");
    const consent: Navigation = await agent.submit(page, "/login/password", { email: "carol@globex.test" }, "Sign in");
    expect(expectPage(consent).html).toContain("Sign in as carol@globex.test");
  });

  it("signs in through SSO only the email the identity provider was asked about", async () => {
    const pkce = await authorizationUrl(as, client.client_id, REDIRECT_URI);
    const agent = new LoginUserAgent(emu.issuer);
    const signIn = expectPage(await agent.navigate(pkce.url));
    const idp = expectPage(await agent.submit(signIn, "/login/password", { email: "carol@globex.test" }, "Sign in"));
    // A magic-code request for bob, started and abandoned, must not redirect the SSO step either.
    expectPage(await agent.submit(signIn, "/login/magic-code", { email: "bob@acme.test" }, "Email me"));
    const afterSso = expectPage(await agent.submit(idp, "/login/sso", {}, "Sign in as"));
    expect(afterSso.html).not.toContain("Allow");
  });

  it("does not carry an organization chosen for one identity over to the next", async () => {
    const initech = await postAdmin(emu.issuer, "/_emulator/organizations", { name: "Initech Isolation" });
    const user = await postAdmin(emu.issuer, "/_emulator/users", { email: "multi@isolation.test", password: "multi-password" });
    await postAdmin(emu.issuer, "/_emulator/memberships", { user_id: user.id, organization_id: ACME });
    await postAdmin(emu.issuer, "/_emulator/memberships", { user_id: user.id, organization_id: initech.id });

    const pkce = await authorizationUrl(as, client.client_id, REDIRECT_URI);
    const agent = new LoginUserAgent(emu.issuer);
    const signIn = expectPage(await agent.navigate(pkce.url));
    const picker = expectPage(await agent.submit(signIn, "/login/password", { email: "alice@acme.test", password: "dev-password" }, "Sign in"));
    expectPage(await agent.submit(picker, "/login/organization", {}, "Globex"));

    // Then, in the same browser, a second identity that is not a member of Globex.
    const second = expectPage(await agent.submit(signIn, "/login/password", { email: "multi@isolation.test", password: "multi-password" }, "Sign in"));
    expect(second.html).toContain("Choose an organization");
    expect(second.html).not.toContain("Globex");
    const callback = await approve(agent, { kind: "page", page: second }, "Initech Isolation");
    const claims = await claimsAfter(callback, pkce);
    expect(claims).toMatchObject({ sub: user.id, org_id: initech.id });
  });

  it("refuses at consent an organization the user stopped being a member of", async () => {
    const pkce = await authorizationUrl(as, client.client_id, REDIRECT_URI);
    const agent = new LoginUserAgent(emu.issuer);
    const signIn = expectPage(await agent.navigate(pkce.url));
    const picker = expectPage(await agent.submit(signIn, "/login/password", { email: "alice@acme.test", password: "dev-password" }, "Sign in"));
    const consent = expectPage(await agent.submit(picker, "/login/organization", {}, "Globex"));
    const membership = emu.emulator.state.memberships.find((m) => m.user_id === "user_01ALICE00000000000000000" && m.organization_id === GLOBEX)!;
    membership.status = "inactive";
    try {
      const after: Navigation = await agent.submit(consent, "/login/consent", {}, "Allow");
      expect(after.kind).toBe("page");
      const claims = await claimsAfter(await approve(agent, after), pkce);
      expect(claims.org_id).toBe(ACME);
    } finally {
      membership.status = "active";
    }
  });

  it("provisions the membership of a user who signs in through an organization's SSO connection", async () => {
    const user = await postAdmin(emu.issuer, "/_emulator/users", { email: "zed@globex.test" });
    const pkce = await authorizationUrl(as, client.client_id, REDIRECT_URI);
    const agent = new LoginUserAgent(emu.issuer);
    const signIn = expectPage(await agent.navigate(pkce.url));
    const idp = expectPage(await agent.submit(signIn, "/login/password", { email: "zed@globex.test" }, "Sign in"));
    const callback = expectCallback(await agent.submit(expectPage(await agent.submit(idp, "/login/sso", {}, "Sign in as")), "/login/consent", {}, "Allow"));
    const claims = await claimsAfter(callback, pkce);
    expect(claims).toMatchObject({ sub: user.id, org_id: GLOBEX, role: "member" });
    const provisioned = emu.emulator.state.memberships.filter((m) => m.user_id === user.id);
    expect(provisioned).toMatchObject([{ organization_id: GLOBEX, status: "active", role: { slug: "member" } }]);
  });

  it("keeps an SSO sign-in to its connection's organization, even when the user posts another of theirs", async () => {
    // Carol signs in through Globex's SSO connection, and is also a member of Acme.
    await postAdmin(emu.issuer, "/_emulator/memberships", { user_id: "user_01CAROL00000000000000000", organization_id: ACME });
    const pkce = await authorizationUrl(as, client.client_id, REDIRECT_URI);
    const agent = new LoginUserAgent(emu.issuer);
    const signIn = expectPage(await agent.navigate(pkce.url));
    const idp = expectPage(await agent.submit(signIn, "/login/password", { email: "carol@globex.test" }, "Sign in"));
    const consent = expectPage(await agent.submit(idp, "/login/sso", {}, "Sign in as"));
    expect(consent.html).toContain("Allow");
    // The organization form posted by hand from the consent step (the page offers no picker).
    const forged = { ...consent, html: consent.html.replace('action="/login/consent"', 'action="/login/organization"').replace("</form>", `<input type="hidden" name="organization_id" value="${ACME}"></form>`) };
    const after = await agent.submit(forged, "/login/organization", {});
    const claims = await claimsAfter(await approve(agent, after), pkce);
    expect(claims).toMatchObject({ sub: "user_01CAROL00000000000000000", org_id: GLOBEX });
  });

  it("refuses an SSO sign-in for a user whose membership of the connection's organization was deactivated", async () => {
    const membership = emu.emulator.state.memberships.find((m) => m.user_id === "user_01CAROL00000000000000000" && m.organization_id === GLOBEX)!;
    membership.status = "inactive";
    try {
      const pkce = await authorizationUrl(as, client.client_id, REDIRECT_URI);
      const agent = new LoginUserAgent(emu.issuer);
      const signIn = expectPage(await agent.navigate(pkce.url));
      const idp = expectPage(await agent.submit(signIn, "/login/password", { email: "carol@globex.test" }, "Sign in"));
      const refused = expectPage(await agent.submit(idp, "/login/sso", {}, "Sign in as"));
      expect(refused.status).toBe(403);
      expect(refused.html).toContain("not an active member");
    } finally {
      membership.status = "active";
    }
  });

  it("ends an SSO sign-in whose organization membership ended at the consent page, never moving it to another of the user's organizations", async () => {
    // Carol signs in through Globex's SSO connection and is also a member of Acme (one other
    // membership: the picker would choose it by itself).
    const carolInAcme = (m: { user_id: string; organization_id: string }) => m.user_id === "user_01CAROL00000000000000000" && m.organization_id === ACME;
    if (!emu.emulator.state.memberships.some(carolInAcme)) await postAdmin(emu.issuer, "/_emulator/memberships", { user_id: "user_01CAROL00000000000000000", organization_id: ACME });
    const membership = emu.emulator.state.memberships.find((m) => m.user_id === "user_01CAROL00000000000000000" && m.organization_id === GLOBEX)!;
    try {
      const pkce = await authorizationUrl(as, client.client_id, REDIRECT_URI);
      const agent = new LoginUserAgent(emu.issuer);
      const signIn = expectPage(await agent.navigate(pkce.url));
      const idp = expectPage(await agent.submit(signIn, "/login/password", { email: "carol@globex.test" }, "Sign in"));
      const consent = expectPage(await agent.submit(idp, "/login/sso", {}, "Sign in as"));
      expect(consent.html).toContain("Allow");
      membership.status = "inactive";
      const refused = expectPage(await agent.submit(consent, "/login/consent", {}, "Allow"));
      expect(refused.status).toBe(403);
      expect(refused.html).toContain("Membership inactive");
      // Allowing again finds no identity: back to the sign-in form, no code for Acme.
      const again = await agent.submit(consent, "/login/consent", {}, "Allow");
      expect(expectPage(again).html).toContain('action="/login/password"');
    } finally {
      membership.status = "active";
    }
  });

  it("issues no token for an organization the user left after signing in, neither from the code nor by refresh", async () => {
    const membership = emu.emulator.state.memberships.find((m) => m.user_id === "user_01ALICE00000000000000000" && m.organization_id === GLOBEX)!;
    try {
      const first = await authorizationUrl(as, client.client_id, REDIRECT_URI);
      const firstCallback = await signInWithPassword(new LoginUserAgent(emu.issuer), first.url, "alice@acme.test", { organization: "Globex" });
      const tokens = await exchangeCode(as, client, oauth.None(), firstCallback, REDIRECT_URI, first);
      expect(decodeJwt(tokens.access_token).org_id).toBe(GLOBEX);

      const second = await authorizationUrl(as, client.client_id, REDIRECT_URI);
      const pendingCode = (await signInWithPassword(new LoginUserAgent(emu.issuer), second.url, "alice@acme.test", { organization: "Globex" })).searchParams.get("code")!;
      membership.status = "inactive";

      const refreshed = await postForm(as.token_endpoint!, { grant_type: "refresh_token", client_id: client.client_id, refresh_token: tokens.refresh_token! });
      expect(refreshed).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
      const exchanged = await postForm(as.token_endpoint!, { grant_type: "authorization_code", client_id: client.client_id, code: pendingCode, redirect_uri: REDIRECT_URI, code_verifier: second.verifier });
      expect(exchanged).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    } finally {
      membership.status = "active";
    }
  });
});
