import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as oauth from "oauth4webapi";
import type { Browser } from "playwright-core";
import { launchChromium } from "./helpers/chromium.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLoopbackServer } from "./helpers/loopback-server.js";
import { useOAuthTestEmulator } from "./helpers/oauth-app.js";
import { authorizationUrl, discover, exchangeCode, registerClient } from "./helpers/oauth-client.js";

const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), "../../../screenshots");

describe("login page in a real browser (Debian chromium)", () => {
  const emu = useOAuthTestEmulator();
  let browser: Browser;
  let callbackServer: Awaited<ReturnType<typeof startLoopbackServer>>;

  beforeAll(async () => {
    callbackServer = await startLoopbackServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>Callback</title><p>Signed in.</p>");
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await callbackServer?.close();
  });

  it("signs in with email and password and lands on the redirect URI with a code", async () => {
    const redirectUri = `${callbackServer.origin}/callback`;
    const as = await discover(emu.issuer);
    const client = await registerClient(as, { redirect_uris: [redirectUri], token_endpoint_auth_method: "none", client_name: "Browser Test Client" });
    const pkce = await authorizationUrl(as, client.client_id, redirectUri);

    const page = await browser.newPage({ viewport: { width: 1000, height: 820 } });
    await page.goto(pkce.url);
    await expect(page.title()).resolves.toContain("Sign in");
    // The email field has focus on load and every input has a visible label.
    expect(await page.evaluate("document.activeElement && document.activeElement.id")).toBe("email");
    await page.getByLabel("Email").fill("bob@acme.test");
    await page.getByLabel("Password").fill("dev-password");
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, "login-page.png"), fullPage: true });

    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("heading", { name: /Allow Browser Test Client/ }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, "consent-page.png"), fullPage: true });
    await Promise.all([page.waitForURL((url) => url.href.startsWith(redirectUri)), page.getByRole("button", { name: "Allow" }).click()]);

    const callback = new URL(page.url());
    expect(callback.searchParams.get("code")).toBeTruthy();
    expect(callback.searchParams.get("state")).toBe(pkce.state);
    const tokens = await exchangeCode(as, client, oauth.None(), callback, redirectUri, pkce);
    expect(tokens.access_token.split(".")).toHaveLength(3);
  });
});
