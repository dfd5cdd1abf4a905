import * as oauth from "oauth4webapi";
import { beforeAll, describe, expect, it } from "vitest";
import { BROWSER_BINDING_COOKIE } from "../src/login/browser-binding.js";
import { useOAuthTestEmulator } from "./helpers/oauth-app.js";
import { authorizationUrl, discover, registerClient } from "./helpers/oauth-client.js";

const REDIRECT_URI = "http://127.0.0.1:1234/cb";
/** A value a page on another localhost port can plant: cookies are shared across ports. */
const PLANTED = "attacker-chosen-binding-value-0123456789abcdef";

describe("browser-binding cookie", () => {
  const emu = useOAuthTestEmulator();
  let as: oauth.AuthorizationServer;
  let clientId: string;

  beforeAll(async () => {
    as = await discover(emu.issuer);
    clientId = (await registerClient(as, { redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "none" })).client_id;
  });

  function setCookieValue(response: Response): string | undefined {
    const header = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${BROWSER_BINDING_COOKIE}=`));
    return header?.split(";")[0]?.slice(BROWSER_BINDING_COOKIE.length + 1);
  }

  it("replaces a value it did not issue with a fresh one, and binds the sign-in to the fresh one", async () => {
    const planted = `${BROWSER_BINDING_COOKIE}=${PLANTED}`;
    const authorize = await fetch((await authorizationUrl(as, clientId, REDIRECT_URI)).url, { redirect: "manual", headers: { cookie: planted, "sec-fetch-site": "cross-site" } });
    expect(authorize.status).toBe(303);
    const fresh = setCookieValue(authorize);
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(PLANTED);

    // Whoever planted the value cannot use the sign-in it started.
    const login = new URL(authorize.headers.get("location")!, emu.issuer);
    const withPlanted = await fetch(login, { headers: { cookie: planted } });
    expect(withPlanted.status).toBe(400);
    expect(await withPlanted.text()).toContain("expired");
    const withFresh = await fetch(login, { headers: { cookie: `${BROWSER_BINDING_COOKIE}=${fresh}` } });
    expect(withFresh.status).toBe(200);
    expect(await withFresh.text()).toContain('action="/login/password"');
  });

  it("keeps a value it issued, so one browser's sign-ins share it", async () => {
    const first = await fetch((await authorizationUrl(as, clientId, REDIRECT_URI)).url, { redirect: "manual" });
    const issued = setCookieValue(first)!;
    const second = await fetch((await authorizationUrl(as, clientId, REDIRECT_URI)).url, { redirect: "manual", headers: { cookie: `${BROWSER_BINDING_COOKIE}=${issued}` } });
    expect(setCookieValue(second)).toBeUndefined();
    const login = await fetch(new URL(second.headers.get("location")!, emu.issuer), { headers: { cookie: `${BROWSER_BINDING_COOKIE}=${issued}` } });
    expect(login.status).toBe(200);
  });
});
