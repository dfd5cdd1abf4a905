import { createServer, type Server } from "node:http";
import type { Browser } from "playwright-core";
import { launchChromium } from "../../../packages/authkit-emulator/test/helpers/chromium.js";
import { afterAll, beforeAll, expect, it } from "vitest";
import { Client, StreamableHTTPClientTransport, UnauthorizedError } from "@modelcontextprotocol/client";
import { startEmulator, type RunningEmulator } from "@xmcp-dev/authkit-emulator";
import { exampleResource, startExampleServer, type ExampleServer } from "./helpers/example-server.js";
import { callTool, InMemoryOAuthProvider } from "../../../e2e/helpers/mcp-client.js";

/**
 * The sign-in a person does: the MCP client opens the authorization URL in a real browser
 * (Debian's chromium, headless), the user types into the emulator's login page and allows the
 * client, and the browser lands on the client's loopback redirect URI, as with desktop hosts.
 */
let emulator: RunningEmulator;
let server: ExampleServer;
let browser: Browser;
let callback: Server;
let redirectURI: string;
let received: Promise<URLSearchParams>;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, resources: [exampleResource()], logger: { info() {}, warn() {}, error() {} } });
  server = await startExampleServer(emulator.url);
  let deliver: (params: URLSearchParams) => void = () => {};
  received = new Promise((resolve) => (deliver = resolve));
  callback = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname === "/callback") deliver(url.searchParams);
    res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>Signed in</title><p>You can close this window.</p>");
  });
  await new Promise<void>((resolve) => callback.listen(0, "127.0.0.1", resolve));
  redirectURI = `http://127.0.0.1:${(callback.address() as { port: number }).port}/callback`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  callback?.closeAllConnections();
  callback?.close();
  await server?.stop();
  await emulator?.stop();
});

it("signs in through the login page in Chromium and calls whoami", async () => {
  const provider = new InMemoryOAuthProvider(redirectURI);
  const transport = new StreamableHTTPClientTransport(new URL(server.mcpURL), { authProvider: provider });
  await expect(new Client({ name: "browser-e2e", version: "1.0.0" }).connect(transport)).rejects.toBeInstanceOf(UnauthorizedError);

  const page = await browser.newPage();
  await page.goto(provider.authorizationURL!.href);
  await page.getByLabel("Email").fill("carol@globex.test");
  await page.getByLabel("Password").fill("dev-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // carol's domain has an SSO connection: the emulated identity provider asks her to confirm.
  await page.getByRole("button", { name: /Sign in as carol@globex\.test/ }).click();
  await page.getByRole("button", { name: "Allow" }).click();
  const params = await received;
  await page.waitForURL(/\/callback\?/);
  expect(await page.title()).toBe("Signed in");
  expect(params.get("code")).toBeTruthy();

  await transport.finishAuth(params);
  const client = new Client({ name: "browser-e2e", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(server.mcpURL), { authProvider: provider }));
  try {
    expect(JSON.parse((await callTool(client, "whoami")).text)).toMatchObject({
      email: "carol@globex.test",
      organizationId: "org_01GLOBEX0000000000000000",
    });
  } finally {
    await client.close();
  }
});
