import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./helpers/chromium.js";
import { startLoopbackServer } from "./helpers/loopback-server.js";
import { useOAuthTestEmulator } from "./helpers/oauth-app.js";

const BOB = "user_01BOB0000000000000000000";
const GLOBEX = "org_01GLOBEX0000000000000000";
const CROSS_SITE = { origin: "https://attacker.example", "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate" };

describe("admin API against cross-site request forgery", () => {
  const emu = useOAuthTestEmulator();
  const bobInGlobex = () => emu.emulator.state.memberships.some((m) => m.user_id === BOB && m.organization_id === GLOBEX);

  async function post(path: string, body: RequestInit["body"], headers: Record<string, string>): Promise<{ status: number; code: unknown }> {
    const response = await fetch(`${emu.issuer}${path}`, { method: "POST", body, headers });
    const text = await response.text();
    return { status: response.status, code: text ? (JSON.parse(text) as { code?: unknown }).code : undefined };
  }

  it("refuses a cross-site HTML form post to every state-changing route", async () => {
    const kid = emu.emulator.state.keys.find((key) => key.retired_at === null)!.kid;
    const form = { "content-type": "application/x-www-form-urlencoded", ...CROSS_SITE };
    expect(await post("/_emulator/memberships", new URLSearchParams({ user_id: BOB, organization_id: GLOBEX, role_slug: "admin" }), form)).toEqual({ status: 403, code: "cross_site_request" });
    expect(await post("/_emulator/users", new URLSearchParams({ email: "csrf@attacker.test", password: "x" }), form)).toMatchObject({ status: 403 });
    expect(await post("/_emulator/keys/rotate", new URLSearchParams(), form)).toMatchObject({ status: 403 });
    expect(await post("/_emulator/reset", undefined, CROSS_SITE)).toMatchObject({ status: 403 });
    expect(bobInGlobex()).toBe(false);
    expect(emu.emulator.state.users.some((user) => user.email === "csrf@attacker.test")).toBe(false);
    expect(emu.emulator.state.keys.find((key) => key.retired_at === null)!.kid).toBe(kid);
  });

  it("refuses a JSON post whose Origin is another site, even without Fetch Metadata", async () => {
    const body = JSON.stringify({ user_id: BOB, organization_id: GLOBEX });
    expect(await post("/_emulator/memberships", body, { "content-type": "application/json", origin: `http://127.0.0.1:${emu.emulator.port + 1}` })).toMatchObject({ status: 403 });
    expect(await post("/_emulator/memberships", body, { "content-type": "application/json", origin: "null" })).toMatchObject({ status: 403 });
    expect(await post("/_emulator/memberships", body, { "content-type": "application/json", "sec-fetch-site": "same-site" })).toMatchObject({ status: 403 });
    expect(bobInGlobex()).toBe(false);
  });

  it("takes JSON bodies only: a form or text/plain body is a 415", async () => {
    expect(await post("/_emulator/roles", new URLSearchParams({ slug: "forged" }), { "content-type": "application/x-www-form-urlencoded" })).toEqual({ status: 415, code: "unsupported_media_type" });
    expect(await post("/_emulator/roles", JSON.stringify({ slug: "forged" }), { "content-type": "text/plain" })).toMatchObject({ status: 415 });
    const multipart = new FormData();
    multipart.set("slug", "forged");
    expect(await post("/_emulator/roles", multipart, {})).toMatchObject({ status: 415 });
    expect(emu.emulator.state.roles.some((role) => role.slug === "forged")).toBe(false);
  });

  it("serves the outbox page (live magic codes) with the login pages' anti-framing headers", async () => {
    const response = await fetch(`${emu.issuer}/_emulator/outbox`, { headers: { accept: "text/html", "sec-fetch-dest": "iframe", "sec-fetch-site": "cross-site" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toContain("<h1>Outbox</h1>");
  });

  it("still serves scripts, tests and the emulator's own origin", async () => {
    const json = { "content-type": "application/json" };
    expect(await post("/_emulator/roles", JSON.stringify({ slug: "scripted" }), json)).toMatchObject({ status: 201 });
    const sameOrigin = { ...json, origin: `http://localhost:${emu.emulator.port}`, "sec-fetch-site": "same-origin" };
    expect(await post("/_emulator/roles", JSON.stringify({ slug: "same-origin" }), sameOrigin)).toMatchObject({ status: 201 });
    expect(await post("/_emulator/keys/rotate", undefined, {})).toMatchObject({ status: 200 });
    expect(await post("/_emulator/reset", undefined, { "sec-fetch-site": "none" })).toMatchObject({ status: 200 });
  });
});

describe("admin API CSRF from a real page (Debian chromium)", () => {
  const emu = useOAuthTestEmulator();
  let browser: Browser;
  let attacker: Awaited<ReturnType<typeof startLoopbackServer>>;

  beforeAll(async () => {
    browser = await launchChromium();
    // Another origin on loopback (same site, other port), as a local dev server or a page in a tab would be.
    attacker = await startLoopbackServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" }).end(`<!doctype html><title>Win a prize</title>
<form id="f" method="post" action="${emu.issuer}/_emulator/memberships">
<input name="user_id" value="${BOB}"><input name="organization_id" value="${GLOBEX}"><input name="role_slug" value="admin">
</form><script>document.getElementById("f").submit()</script>`);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await attacker?.close();
  });

  it("an auto-submitting form on another origin changes nothing", async () => {
    const page = await browser.newPage();
    const answer = page.waitForResponse((response) => response.url().endsWith("/_emulator/memberships"));
    await page.goto(`${attacker.origin}/`);
    expect((await answer).status()).toBe(403);
    expect(emu.emulator.state.memberships.some((m) => m.user_id === BOB && m.organization_id === GLOBEX)).toBe(false);
  });
});
