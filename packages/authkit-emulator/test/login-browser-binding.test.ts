import * as oauth from "oauth4webapi";
import { beforeAll, describe, expect, it } from "vitest";
import { browserBindingCookieName } from "../src/login/browser-binding.js";
import { startOAuthTestEmulator, useOAuthTestEmulator } from "./helpers/oauth-app.js";
import { authorizationUrl, discover, registerClient } from "./helpers/oauth-client.js";

const REDIRECT_URI = "http://127.0.0.1:1234/cb";
/** A value a page on another localhost port can plant: cookies are shared across ports. */
const PLANTED = "attacker-chosen-binding-value-0123456789abcdef";

describe("browser-binding cookie", () => {
  const emu = useOAuthTestEmulator();
  let as: oauth.AuthorizationServer;
  let clientId: string;
  let cookieName: string;

  beforeAll(async () => {
    cookieName = browserBindingCookieName(emu.emulator.port);
    as = await discover(emu.issuer);
    clientId = (await registerClient(as, { redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "none" })).client_id;
  });

  function setCookieValue(response: Response): string | undefined {
    const header = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${cookieName}=`));
    return header?.split(";")[0]?.slice(cookieName.length + 1);
  }

  it("replaces a value it did not issue with a fresh one, and binds the sign-in to the fresh one", async () => {
    const planted = `${cookieName}=${PLANTED}`;
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
    const withFresh = await fetch(login, { headers: { cookie: `${cookieName}=${fresh}` } });
    expect(withFresh.status).toBe(200);
    expect(await withFresh.text()).toContain('action="/login/password"');
  });

  it("keeps a value it issued, so one browser's sign-ins share it", async () => {
    const first = await fetch((await authorizationUrl(as, clientId, REDIRECT_URI)).url, { redirect: "manual" });
    const issued = setCookieValue(first)!;
    const second = await fetch((await authorizationUrl(as, clientId, REDIRECT_URI)).url, { redirect: "manual", headers: { cookie: `${cookieName}=${issued}` } });
    expect(setCookieValue(second)).toBeUndefined();
    const login = await fetch(new URL(second.headers.get("location")!, emu.issuer), { headers: { cookie: `${cookieName}=${issued}` } });
    expect(login.status).toBe(200);
  });
});

describe("two emulators on one host", () => {
  it("keep their own browser bindings, since cookies ignore ports (RFC 6265 §8.5)", async () => {
    const [a, b] = await Promise.all([startOAuthTestEmulator(), startOAuthTestEmulator()]);
    try {
      // One browser: a single cookie jar for 127.0.0.1, whatever the port.
      const jar = new Map<string, string>();
      const send = async (url: string | URL) => {
        const response = await fetch(url, { redirect: "manual", headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") } });
        for (const header of response.headers.getSetCookie()) {
          const [pair = ""] = header.split(";");
          const [name = "", ...value] = pair.split("=");
          jar.set(name, value.join("="));
        }
        return response;
      };
      const start = async (emu: typeof a) => {
        const as = await discover(emu.issuer);
        const client = await registerClient(as, { redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "none" });
        const authorize = await send((await authorizationUrl(as, client.client_id, REDIRECT_URI)).url);
        expect(authorize.status).toBe(303);
        return new URL(authorize.headers.get("location")!, emu.issuer);
      };
      const loginA = await start(a);
      const loginB = await start(b);
      for (const login of [loginA, loginB]) {
        const page = await send(login);
        expect(page.status, login.origin).toBe(200);
        expect(await page.text()).toContain('action="/login/password"');
      }
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
