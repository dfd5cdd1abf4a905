import { createServer, type Server, type Socket } from "node:net";
import { createRemoteJWKSet, jwtVerify } from "jose";
import * as oauth from "oauth4webapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectPage, LoginUserAgent } from "./helpers/login-user-agent.js";
import { CIMD_FETCH_FAILED, CIMD_FETCH_TIMEOUT_MS } from "../src/oauth/client-id-metadata-document.js";
import { CROSS_SITE_LOCAL_DOCUMENT } from "../src/oauth/client-id-url-policy.js";
import { startLoopbackServer } from "./helpers/loopback-server.js";
import { startTlsDocumentServer, type TlsDocumentServer } from "./helpers/tls-document-server.js";
import { useOAuthTestEmulator } from "./helpers/oauth-app.js";
import { authorizationUrl, discover, discoverOpenId, exchangeCode, postForm, refresh } from "./helpers/oauth-client.js";
import { signInWithPassword } from "./helpers/sign-in.js";

const REDIRECT_URI = "http://127.0.0.1:45001/oauth/callback";

/** A made-up DNS name the emulator's document network resolves to 127.0.0.1 (see tls-document-server.ts). */
const LOOPBACK_NAME = "docs.loopback-name.test";

/** Metadata documents the test serves, by path; a function lets a test send a raw body. */
const documents = new Map<string, (clientId: string) => { type: string; body: string }>();
const json = (value: unknown) => ({ type: "application/json", body: JSON.stringify(value) });

describe("Client ID Metadata Document clients", () => {
  const emu = useOAuthTestEmulator();
  let docs: Awaited<ReturnType<typeof startLoopbackServer>>;
  let tlsDocs: TlsDocumentServer;
  let fetches = 0;

  beforeAll(async () => {
    // The same documents over https, on a name that resolves to loopback.
    tlsDocs = await startTlsDocumentServer(LOOPBACK_NAME, (req, res) => {
      const make = documents.get(req.url ?? "");
      if (!make) return void res.writeHead(404).end();
      const { type, body } = make(`${tlsDocs.origin}${req.url}`);
      res.writeHead(200, { "content-type": type }).end(body);
    });
    emu.emulator.context.documentNetwork = tlsDocs.network;
    docs = await startLoopbackServer((req, res) => {
      const make = documents.get(req.url ?? "");
      fetches += 1;
      // Headers and the start of a body, then nothing more (until the fetch times out) or a reset.
      if (req.url === "/stalled.json" || req.url === "/reset.json") {
        res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
        res.write('{"client_id":', () => (req.url === "/reset.json" ? res.destroy() : undefined));
        return;
      }
      if (!make) return void res.writeHead(404).end();
      const { type, body } = make(`${docs.origin}${req.url}`);
      res.writeHead(200, { "content-type": type }).end(body);
    });
    documents.set("/good.json", (id) => json({ client_id: id, client_name: "CIMD Client", redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "none" }));
    documents.set("/nameless.json", (id) => json({ client_id: id, redirect_uris: [REDIRECT_URI] }));
    documents.set("/mismatch.json", () => json({ client_id: "https://someone-else.example/client.json", redirect_uris: [REDIRECT_URI] }));
    documents.set("/huge.json", (id) => json({ client_id: id, redirect_uris: [REDIRECT_URI], padding: "x".repeat(6000) }));
    documents.set("/html.json", () => ({ type: "text/html", body: "<html><body>not json</body></html>" }));
    documents.set("/secret.json", (id) => json({ client_id: id, redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "client_secret_basic" }));
    documents.set("/no-redirects.json", (id) => json({ client_id: id }));
  });
  afterAll(async () => {
    await docs.close();
    await tlsDocs.close();
  });

  it("runs the whole flow with a URL client_id served on loopback", async () => {
    const as = await discover(emu.issuer);
    expect(as.client_id_metadata_document_supported).toBe(true);
    const client: oauth.Client = { client_id: `${docs.origin}/good.json`, token_endpoint_auth_method: "none" };
    const pkce = await authorizationUrl(as, client.client_id, REDIRECT_URI);
    const agent = new LoginUserAgent(emu.issuer);
    const signIn = expectPage(await agent.navigate(pkce.url));
    expect(signIn.html).toContain("CIMD Client");
    const callback = await signInWithPassword(new LoginUserAgent(emu.issuer), pkce.url, "bob@acme.test");
    const tokens = await exchangeCode(as, client, oauth.None(), callback, REDIRECT_URI, pkce);
    const { payload } = await jwtVerify(tokens.access_token, createRemoteJWKSet(new URL((await discoverOpenId(emu.issuer)).jwks_uri!)), { issuer: emu.issuer });
    expect(payload.client_id).toBe(client.client_id);
    const refreshed = await refresh(as, client, oauth.None(), tokens.refresh_token!);
    expect(refreshed.access_token).toBeTypeOf("string");
    expect(emu.emulator.state.oauthClients.find((c) => c.client_id === client.client_id)?.kind).toBe("cimd");
  });

  it("caches the document instead of fetching it on every request", async () => {
    const as = await discover(emu.issuer);
    const before = fetches;
    for (let i = 0; i < 3; i += 1) {
      const pkce = await authorizationUrl(as, `${docs.origin}/good.json`, REDIRECT_URI);
      expectPage(await new LoginUserAgent(emu.issuer).navigate(pkce.url));
    }
    expect(fetches - before).toBe(0);
  });

  it("names a nameless CIMD client by its host on the consent screen", async () => {
    const as = await discover(emu.issuer);
    const pkce = await authorizationUrl(as, `${docs.origin}/nameless.json`, REDIRECT_URI);
    const page = expectPage(await new LoginUserAgent(emu.issuer).navigate(pkce.url));
    expect(page.html).toContain(new URL(docs.origin).host);
  });

  const rejected: [string, string][] = [
    ["/secret.json", "none"],
    ["/no-redirects.json", "redirect_uris"],
  ];
  for (const [path, reason] of rejected) {
    it(`rejects ${path} on an error page, never redirecting`, async () => {
      const as = await discover(emu.issuer);
      const pkce = await authorizationUrl(as, `${docs.origin}${path}`, REDIRECT_URI);
      const response = await fetch(pkce.url, { redirect: "manual" });
      expect(response.status).toBe(400);
      expect(response.headers.get("location")).toBeNull();
      const html = await response.text();
      expect(html).toContain("invalid_client");
      expect(html).toContain(reason);
    });
  }

  it("words every failure to fetch a document the same for a tool, and logs why", async () => {
    const closed = await startLoopbackServer((_req, res) => res.end());
    await closed.close();
    const as = await discover(emu.issuer);
    const clientIds = [`${closed.origin}/client.json`, ...["/missing.json", "/huge.json", "/html.json", "/mismatch.json"].map((path) => `${docs.origin}${path}`)];
    for (const clientId of clientIds) {
      const pkce = await authorizationUrl(as, clientId, REDIRECT_URI);
      const page = await fetch(pkce.url, { redirect: "manual" });
      expect(page.status, clientId).toBe(400);
      const text = (await page.text()).replace(/<[^>]+>/g, " ");
      expect(text).toContain("The client metadata document could not be fetched.");
      expect(text).not.toMatch(/HTTP 404|larger than|not valid JSON|does not equal|ECONNREFUSED/);
      const token = await postForm(as.token_endpoint!, { grant_type: "authorization_code", code: "x", client_id: clientId, redirect_uri: REDIRECT_URI, code_verifier: "a".repeat(43) });
      expect(token, clientId).toMatchObject({ status: 401, body: { error: "invalid_client", error_description: "The client metadata document could not be fetched." } });
    }
    // The developer still learns why, from the log.
    expect(emu.logs.some((line) => line.includes(`${docs.origin}/missing.json`) && line.includes("HTTP 404"))).toBe(true);
  });

  it("never fetches a client id that points at the emulator itself", async () => {
    const as = await discover(emu.issuer);
    const { port } = emu.emulator;
    const nested = `${emu.issuer}/oauth2/authorize?client_id=${encodeURIComponent(`${emu.issuer}/.well-known/oauth-authorization-server`)}`;
    for (const clientId of [`${emu.issuer}/.well-known/oauth-authorization-server`, `http://localhost:${port}/oauth2/jwks`, `http://[::1]:${port}/x.json`, nested]) {
      const token = await postForm(as.token_endpoint!, { grant_type: "authorization_code", code: "x", client_id: clientId, redirect_uri: REDIRECT_URI, code_verifier: "a".repeat(43) });
      expect(token, clientId).toMatchObject({ status: 401, body: { error: "invalid_client", error_description: "A URL client_id must not point at the authorization server itself." } });
    }
  });

  it("rejects a redirect_uri the document does not list, and a CIMD client at the token endpoint when its document is bad", async () => {
    const as = await discover(emu.issuer);
    const pkce = await authorizationUrl(as, `${docs.origin}/good.json`, "http://127.0.0.1:45001/elsewhere");
    const response = await fetch(pkce.url, { redirect: "manual" });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    const token = await postForm(as.token_endpoint!, { grant_type: "authorization_code", code: "x", client_id: `${docs.origin}/mismatch.json`, redirect_uri: REDIRECT_URI, code_verifier: "a".repeat(43) });
    expect(token).toMatchObject({ status: 401, body: { error: "invalid_client" } });
  });

  it("treats a document body that resets or stalls past the fetch timeout like a failed fetch", { timeout: 8_000 }, async () => {
    const as = await discover(emu.issuer);
    const pkce = await authorizationUrl(as, `${docs.origin}/reset.json`, REDIRECT_URI);
    const response = await fetch(pkce.url, { redirect: "manual" });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toContain("could not be fetched");

    const started = Date.now();
    const token = await postForm(as.token_endpoint!, { grant_type: "authorization_code", code: "x", client_id: `${docs.origin}/stalled.json`, redirect_uri: REDIRECT_URI, code_verifier: "a".repeat(43) });
    expect(token).toMatchObject({ status: 401, body: { error: "invalid_client", error_description: "The client metadata document could not be fetched." } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(CIMD_FETCH_TIMEOUT_MS - 100);
  });

  describe("a web page's cross-site request (blind SSRF, port scanning)", () => {
    /** Counts connections; "silent" accepts and never answers, "closing" hangs up at once. */
    let tcp: Server;
    let tcpPort = 0;
    let connections = 0;
    let behaviour: "silent" | "closing" = "silent";
    const sockets = new Set<Socket>();

    beforeAll(async () => {
      tcp = createServer((socket) => {
        connections += 1;
        sockets.add(socket);
        if (behaviour === "closing") socket.destroy();
      });
      await new Promise<void>((resolve) => tcp.listen(0, "127.0.0.1", resolve));
      tcpPort = (tcp.address() as { port: number }).port;
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => tcp.close(resolve));
    });

    const CROSS_SITE_FETCH = { origin: "https://attacker.example", "sec-fetch-site": "cross-site", "sec-fetch-mode": "cors" };

    /** What the page can observe: the token endpoint's CORS-readable answer and how long it took. */
    async function tokenFromPage(clientId: string, headers: Record<string, string> = CROSS_SITE_FETCH) {
      const started = Date.now();
      const token = await postForm(`${emu.issuer}/oauth2/token`, { grant_type: "authorization_code", code: "x", client_id: clientId, redirect_uri: REDIRECT_URI, code_verifier: "a".repeat(43) }, headers);
      return { status: token.status, body: token.body, ms: Date.now() - started };
    }

    it("answers at once and alike for closed, silent and serving loopback ports, and connects to none", async () => {
      const closed = await startLoopbackServer((_req, res) => res.end());
      await closed.close();
      documents.set("/page-target.json", (id) => json({ client_id: id, redirect_uris: [REDIRECT_URI] }));
      const before = { fetches, connections };
      const clientIds = [`${closed.origin}/client.json`, `http://127.0.0.1:${tcpPort}/client.json`, `http://localhost:${tcpPort}/client.json`, `http://[::1]:${tcpPort}/client.json`, `${docs.origin}/page-target.json`, `${docs.origin}/good.json`];
      for (const clientId of clientIds) {
        // The CORS-open token endpoint, with Fetch Metadata and with only an Origin (older browsers).
        for (const headers of [CROSS_SITE_FETCH, { origin: "https://attacker.example" }, { "sec-fetch-site": "same-site" }] as Record<string, string>[]) {
          const answer = await tokenFromPage(clientId, headers);
          expect(answer.ms, clientId).toBeLessThan(1_000);
          expect({ status: answer.status, body: answer.body }, clientId).toEqual({ status: 401, body: { error: "invalid_client", error_description: CROSS_SITE_LOCAL_DOCUMENT } });
        }
        // An <img> pointing at /oauth2/authorize.
        const pkce = await authorizationUrl(await discover(emu.issuer), clientId, REDIRECT_URI);
        const image = await fetch(pkce.url, { redirect: "manual", headers: { "sec-fetch-site": "cross-site", "sec-fetch-dest": "image", "sec-fetch-mode": "no-cors" } });
        expect(image.status, clientId).toBe(400);
        expect(image.headers.get("location")).toBeNull();
        expect((await image.text()).replace(/\s+/g, " ")).toContain("invalid_client");
      }
      expect({ fetches, connections }).toEqual(before);
      // The same client ids still work for the app itself (no cross-site headers).
      expect((await tokenFromPage(`${docs.origin}/page-target.json`, {})).body).toMatchObject({ error: "invalid_grant" });
      expect(fetches).toBe(before.fetches + 1);
    });

    it("refuses https client ids on private or special-use IP literals (RFC 6890), for anyone, without connecting", async () => {
      const special = [
        "https://10.0.0.1/client.json", "https://172.16.5.4/client.json", "https://192.168.1.1/client.json", "https://169.254.169.254/latest/client.json", "https://0.0.0.0/client.json",
        "https://[fd00::1]/client.json", "https://[fe80::1]/client.json", "https://[::ffff:10.0.0.1]/client.json",
        // Documentation, shared, benchmarking, reserved, broadcast and multicast IPv4 ranges.
        "https://192.0.2.1/client.json", "https://198.51.100.7/client.json", "https://203.0.113.9/client.json", "https://100.64.0.1/client.json",
        "https://198.18.0.1/client.json", "https://240.0.0.1/client.json", "https://255.255.255.255/client.json", "https://224.0.0.251/client.json",
        // IPv6 documentation, site-local, multicast; and IPv6 forms that carry a private IPv4 (compatible, translated, NAT64, 6to4).
        "https://[2001:db8::1]/client.json", "https://[fec0::1]/client.json", "https://[ff02::1]/client.json",
        "https://[::a00:1]/client.json", "https://[::ffff:0:a00:1]/client.json", "https://[64:ff9b::a00:1]/client.json", "https://[2002:a00:1::1]/client.json",
      ];
      for (const clientId of special) {
        for (const headers of [CROSS_SITE_FETCH, {}]) {
          const answer = await tokenFromPage(clientId, headers);
          expect(answer.ms, clientId).toBeLessThan(1_000);
          expect(answer.status, clientId).toBe(401);
          expect(answer.body.error).toBe("invalid_client");
          expect(answer.body.error_description, clientId).toContain("special-use IP address (RFC 6890)");
        }
      }
    });

    it("treats IPv6 forms that carry a loopback IPv4 as loopback: refused cross-site without connecting", async () => {
      behaviour = "closing";
      const before = connections;
      for (const host of ["[::7f00:1]", "[::ffff:0:7f00:1]", "[64:ff9b::7f00:1]", "[2002:7f00:1::]", "[::ffff:7f00:1]"]) {
        const answer = await tokenFromPage(`https://${host}:${tcpPort}/client.json`);
        expect({ status: answer.status, body: answer.body }, host).toEqual({ status: 401, body: { error: "invalid_client", error_description: CROSS_SITE_LOCAL_DOCUMENT } });
      }
      expect(connections).toBe(before);
    });

    it("treats an https loopback client id as loopback: refused cross-site, fetched for the app itself", async () => {
      behaviour = "closing";
      const clientId = `https://127.0.0.1:${tcpPort}/client.json`;
      const before = connections;
      expect(await tokenFromPage(clientId)).toMatchObject({ status: 401, body: { error_description: CROSS_SITE_LOCAL_DOCUMENT } });
      expect(connections).toBe(before);
      expect(await tokenFromPage(clientId, {})).toMatchObject({ status: 401, body: { error_description: CIMD_FETCH_FAILED } });
      expect(connections).toBe(before + 1);
    });

    it("does not connect for a cross-site request when a DNS name resolves to loopback", async () => {
      behaviour = "closing";
      const clientId = `https://${LOOPBACK_NAME}:${tcpPort}/client.json`;
      const before = connections;
      const answer = await tokenFromPage(clientId);
      expect(answer).toMatchObject({ status: 401, body: { error: "invalid_client", error_description: CIMD_FETCH_FAILED } });
      expect(connections).toBe(before);
      expect(emu.logs.some((line) => line.includes(clientId) && line.includes("cross-site"))).toBe(true);
      await tokenFromPage(clientId, {});
      expect(connections).toBe(before + 1);
    });

    it("opens a connection of its own for each document: a page's request cannot ride one a tool's fetch left open to loopback", async () => {
      documents.set("/kept-alive-a.json", (id) => json({ client_id: id, redirect_uris: [REDIRECT_URI] }));
      documents.set("/kept-alive-b.json", (id) => json({ client_id: id, redirect_uris: [REDIRECT_URI] }));
      // The tool's fetch succeeds (a valid client, a made-up code).
      expect(await tokenFromPage(`${tlsDocs.origin}/kept-alive-a.json`, {})).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
      const before = tlsDocs.counts();
      const answer = await tokenFromPage(`${tlsDocs.origin}/kept-alive-b.json`);
      expect({ status: answer.status, body: answer.body }).toEqual({ status: 401, body: { error: "invalid_client", error_description: CIMD_FETCH_FAILED } });
      expect(tlsDocs.counts()).toEqual(before);
    });

    it("answers a page as if nothing were cached when the document the tool used came from loopback", async () => {
      documents.set("/tool-used.json", (id) => json({ client_id: id, redirect_uris: [REDIRECT_URI] }));
      documents.set("/never-used.json", (id) => json({ client_id: id, redirect_uris: [REDIRECT_URI] }));
      const used = `${tlsDocs.origin}/tool-used.json`;
      expect(await tokenFromPage(used, {})).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
      const fetchedByTool = tlsDocs.counts().requests;
      const neverUsed = await tokenFromPage(`${tlsDocs.origin}/never-used.json`);
      for (const headers of [CROSS_SITE_FETCH, { origin: "https://attacker.example" }, { "sec-fetch-site": "same-site" }] as Record<string, string>[]) {
        const answer = await tokenFromPage(used, headers);
        expect({ status: answer.status, body: answer.body }).toEqual({ status: neverUsed.status, body: neverUsed.body });
        expect(answer.body).toEqual({ error: "invalid_client", error_description: CIMD_FETCH_FAILED });
      }
      // The page's requests fetched nothing and left the tool's cached document in place.
      expect(await tokenFromPage(used, {})).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
      expect(tlsDocs.counts().requests).toBe(fetchedByTool);
    });
  });

  it("refuses URL client ids that are not https or loopback, or have no path", async () => {
    const as = await discover(emu.issuer);
    for (const clientId of ["http://example.com/client.json", `${docs.origin}/`, `${docs.origin}/a/../good.json`]) {
      const pkce = await authorizationUrl(as, clientId, REDIRECT_URI);
      const response = await fetch(pkce.url, { redirect: "manual" });
      expect(response.status, clientId).toBe(400);
      expect(response.headers.get("location")).toBeNull();
    }
  });
});
