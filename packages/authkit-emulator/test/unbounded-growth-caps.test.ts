import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_OAUTH_CLIENTS_PER_KIND } from "../src/store/oauth-clients.js";
import { MAX_SESSIONS } from "../src/store/sessions.js";
import type { OAuthClientRecord, SessionRecord } from "../src/store/types.js";
import { startLoopbackServer } from "./helpers/loopback-server.js";
import { signInWithPassword } from "./helpers/sign-in.js";
import { OUTBOX_MAX_MESSAGES } from "../src/store/outbox.js";
import { MAX_PENDING_AUTHORIZATIONS, PendingAuthorizationStore } from "../src/login/pending-authorizations.js";
import type { AuthorizationRequest } from "../src/oauth/authorization-request.js";
import { expectPage, LoginUserAgent } from "./helpers/login-user-agent.js";
import { useOAuthTestEmulator } from "./helpers/oauth-app.js";
import { authorizationUrl, discover, postForm, registerClient } from "./helpers/oauth-client.js";
import { MAX_AUTHORIZATION_CODES } from "../src/oauth/authorization-codes.js";

const REDIRECT_URI = "http://127.0.0.1:1234/cb";

describe("caps on state that unauthenticated requests create", () => {
  it("keeps at most the cap of pending sign-ins, dropping the oldest first", () => {
    expect(MAX_PENDING_AUTHORIZATIONS).toBe(10_000);
    const store = new PendingAuthorizationStore(() => 1_000, 3);
    const request = {} as AuthorizationRequest;
    const created = Array.from({ length: 5 }, (_, i) => store.create(request, `browser-${i}`));
    const alive = created.map((pending) => store.find(pending.id, pending.browserBinding) !== undefined);
    expect(alive).toEqual([false, false, true, true, true]);
  });

  describe("the magic-code outbox", () => {
    const emu = useOAuthTestEmulator();

    it(`keeps only the newest ${OUTBOX_MAX_MESSAGES} messages`, async () => {
      const old = Array.from({ length: OUTBOX_MAX_MESSAGES }, (_, i) => ({ id: `email_old${i}`, to: "old@acme.test", subject: "old", text: "old", sent_at: new Date(0).toISOString() }));
      emu.emulator.state.outbox.push(...old);

      const as = await discover(emu.issuer);
      const client = await registerClient(as, { redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "none" });
      const agent = new LoginUserAgent(emu.issuer);
      const signIn = expectPage(await agent.navigate((await authorizationUrl(as, client.client_id, REDIRECT_URI)).url));
      expectPage(await agent.submit(signIn, "/login/magic-code", { email: "dana@acme.test" }, "Email me"));

      const { outbox } = emu.emulator.state;
      expect(outbox).toHaveLength(OUTBOX_MAX_MESSAGES);
      expect(outbox[0]!.id).toBe("email_old1");
      expect(outbox.at(-1)).toMatchObject({ to: "dana@acme.test", subject: "Your sign-in code" });
    });
  });

  describe("authorization codes", () => {
    const emu = useOAuthTestEmulator({ autoLogin: "alice@acme.test", rateLimits: false });

    it(`keeps at most ${MAX_AUTHORIZATION_CODES} codes, dropping the oldest unredeemed first`, { timeout: 30_000 }, async () => {
      const as = await discover(emu.issuer);
      const client = await registerClient(as, { redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "none" });
      const signIn = async () => {
        const pkce = await authorizationUrl(as, client.client_id, REDIRECT_URI);
        const response = await fetch(pkce.url, { redirect: "manual" });
        return { code: new URL(response.headers.get("location")!).searchParams.get("code")!, verifier: pkce.verifier };
      };
      const redeem = ({ code, verifier }: { code: string; verifier: string }) =>
        postForm(as.token_endpoint!, { grant_type: "authorization_code", code, client_id: client.client_id, redirect_uri: REDIRECT_URI, code_verifier: verifier });

      const spent = await signIn();
      expect((await redeem(spent)).status).toBe(200);
      const oldest = await signIn();
      const second = await signIn();
      // Fill the store: the spent code, `oldest`, `second`, and the rest.
      for (let issued = 3; issued < MAX_AUTHORIZATION_CODES; issued += 25) {
        await Promise.all(Array.from({ length: Math.min(25, MAX_AUTHORIZATION_CODES - issued) }, signIn));
      }
      const newest = await signIn();

      expect(await redeem(oldest)).toMatchObject({ status: 400, body: { error: "invalid_grant", error_description: "The authorization code is invalid." } });
      expect((await redeem(second)).status).toBe(200);
      expect((await redeem(newest)).status).toBe(200);
      // The spent code is still remembered: its replay is recognised, not taken for an unknown code.
      expect(await redeem(spent)).toMatchObject({ status: 400, body: { error: "invalid_grant", error_description: "The authorization code has already been used." } });
    });
  });

  describe("OAuth clients and sessions", () => {
    const emu = useOAuthTestEmulator();
    let docs: Awaited<ReturnType<typeof startLoopbackServer>>;

    beforeAll(async () => {
      docs = await startLoopbackServer((req, res) => {
        const clientId = `${docs.origin}${req.url}`;
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ client_id: clientId, redirect_uris: [REDIRECT_URI] }));
      });
    });
    afterAll(() => docs?.close());

    function fakeClient(clientId: string, kind: OAuthClientRecord["kind"]): OAuthClientRecord {
      return { client_id: clientId, redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code"], response_types: ["code"], token_endpoint_auth_method: "none", client_id_issued_at: 0, kind };
    }

    function fakeSession(id: string, clientId: string, revoked = false): SessionRecord {
      return { id, user_id: "user_01BOB0000000000000000000", organization_id: null, client_id: clientId, created_at: new Date(emu.emulator.context.now() * 1000).toISOString(), revoked };
    }

    it(`keeps at most ${MAX_OAUTH_CLIENTS_PER_KIND} registrations, evicting the oldest a live session does not use`, async () => {
      const { state } = emu.emulator;
      state.oauthClients.push(...Array.from({ length: MAX_OAUTH_CLIENTS_PER_KIND }, (_, i) => fakeClient(`client_old${i}`, "dcr")));
      state.sessions.push(fakeSession("session_uses_old0", "client_old0"));

      const as = await discover(emu.issuer);
      const fresh = await registerClient(as, { redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "none" });

      const registered = state.oauthClients.filter((client) => client.kind === "dcr").map((client) => client.client_id);
      expect(registered).toHaveLength(MAX_OAUTH_CLIENTS_PER_KIND);
      expect(registered).toContain("client_old0");
      expect(registered).not.toContain("client_old1");
      expect(registered.at(-1)).toBe(fresh.client_id);
    });

    it(`keeps at most ${MAX_OAUTH_CLIENTS_PER_KIND} clients from metadata documents`, async () => {
      const { state } = emu.emulator;
      state.oauthClients.push(...Array.from({ length: MAX_OAUTH_CLIENTS_PER_KIND }, (_, i) => fakeClient(`https://old.example/${i}.json`, "cimd")));

      const as = await discover(emu.issuer);
      const clientId = `${docs.origin}/fresh.json`;
      const page = await fetch((await authorizationUrl(as, clientId, REDIRECT_URI)).url, { redirect: "manual" });
      expect(page.status).toBe(303);

      const fromDocuments = state.oauthClients.filter((client) => client.kind === "cimd").map((client) => client.client_id);
      expect(fromDocuments).toHaveLength(MAX_OAUTH_CLIENTS_PER_KIND);
      expect(fromDocuments).not.toContain("https://old.example/0.json");
      expect(fromDocuments.at(-1)).toBe(clientId);
    });

    it(`keeps at most ${MAX_SESSIONS} sessions, evicting ended ones first, with their refresh tokens`, async () => {
      const { state } = emu.emulator;
      const old = Array.from({ length: MAX_SESSIONS - state.sessions.length }, (_, i) => fakeSession(`session_old${i}`, "client_x", i === 5));
      state.sessions.push(...old);
      state.refreshTokens.push({ hash: "h", session_id: "session_old5", client_id: "client_x", scope: "", resource: null, family: "f", used: false, expires_at: emu.emulator.context.now() + 60 });

      const as = await discover(emu.issuer);
      const client = await registerClient(as, { redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "none" });
      await signInWithPassword(new LoginUserAgent(emu.issuer), (await authorizationUrl(as, client.client_id, REDIRECT_URI)).url, "bob@acme.test");

      const ids = state.sessions.map((session) => session.id);
      expect(ids).toHaveLength(MAX_SESSIONS);
      expect(ids).not.toContain("session_old5");
      expect(ids).toContain("session_old0");
      expect(state.refreshTokens.some((record) => record.session_id === "session_old5")).toBe(false);
      expect(state.sessions.at(-1)).toMatchObject({ client_id: client.client_id, user_id: "user_01BOB0000000000000000000" });
    });
  });
});
