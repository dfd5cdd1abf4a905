import { createServer, type Server } from "node:https";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generate } from "selfsigned";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startEmulatorProcess, type EmulatorProcess } from "./helpers/emulator-process.js";
import { startExampleServer, type ExampleServer } from "./helpers/example-server.js";
import { callTool, connectWithSignIn, InMemoryOAuthProvider, REDIRECT_URI } from "./helpers/mcp-client.js";

/**
 * A client identified by a client ID metadata document (CIMD) instead of registration. The MCP
 * client insists on an https document URL, so the test serves it over TLS on loopback with a
 * certificate made for this run, which the emulator process trusts through NODE_EXTRA_CA_CERTS.
 */
let documentServer: Server;
let documentURL: string;
let documentFetches = 0;
let emulator: EmulatorProcess;
let server: ExampleServer;

beforeAll(async () => {
  const pems = await generate([{ name: "commonName", value: "127.0.0.1" }], {
    algorithm: "sha256",
    keySize: 2048,
    extensions: [{ name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }] }],
  });
  const certFile = path.join(mkdtempSync(path.join(tmpdir(), "cimd-")), "cert.pem");
  writeFileSync(certFile, pems.cert);

  documentServer = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    documentFetches++;
    if (req.url !== "/oauth/client.json") return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        client_id: documentURL,
        client_name: "CIMD e2e host",
        redirect_uris: [REDIRECT_URI],
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        token_endpoint_auth_method: "none",
      }),
    );
  });
  await new Promise<void>((resolve) => documentServer.listen(0, "127.0.0.1", resolve));
  documentURL = `https://127.0.0.1:${(documentServer.address() as { port: number }).port}/oauth/client.json`;

  emulator = await startEmulatorProcess([], { NODE_EXTRA_CA_CERTS: certFile });
  server = await startExampleServer(emulator.url);
});
afterAll(async () => {
  await server?.stop();
  await emulator?.stop();
  documentServer?.closeAllConnections();
  await new Promise<void>((resolve) => (documentServer ? documentServer.close(() => resolve()) : resolve()));
});

it("signs in with a URL client id resolved from its metadata document, without registering", async () => {
  const provider = new InMemoryOAuthProvider(REDIRECT_URI, documentURL);
  const { client, close } = await connectWithSignIn(server.mcpURL, { email: "dana@acme.test" }, provider);
  try {
    expect(provider.authorizationURL?.searchParams.get("client_id")).toBe(documentURL);
    expect(documentFetches).toBeGreaterThanOrEqual(1);
    const whoami = JSON.parse((await callTool(client, "whoami")).text);
    expect(whoami).toMatchObject({ email: "dana@acme.test", clientId: documentURL, role: "analyst" });
  } finally {
    await close();
  }
});
