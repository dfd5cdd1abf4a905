import { describe, expect, it } from "vitest";
import { OUTBOX_MAX_MESSAGES } from "../src/store/outbox.js";
import { MAX_PENDING_AUTHORIZATIONS, PendingAuthorizationStore } from "../src/login/pending-authorizations.js";
import type { AuthorizationRequest } from "../src/oauth/authorization-request.js";
import { expectPage, LoginUserAgent } from "./helpers/login-user-agent.js";
import { useOAuthTestEmulator } from "./helpers/oauth-app.js";
import { authorizationUrl, discover, registerClient } from "./helpers/oauth-client.js";

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
});
