import { afterAll, beforeAll, expect, it } from "vitest";
import { startCimdDocumentServer, type CimdDocumentServer } from "./helpers/cimd-document-server.js";
import { startEmulatorProcess, type EmulatorProcess } from "./helpers/emulator-process.js";
import { exampleResource, startExampleServer, type ExampleServer } from "./helpers/example-server.js";
import { callTool, connectWithSignIn, InMemoryOAuthProvider, REDIRECT_URI } from "../../../e2e/helpers/mcp-client.js";

/**
 * A client identified by a client ID metadata document (CIMD) instead of registration. The MCP
 * client insists on an https document URL, so the test serves it over TLS on loopback with a
 * certificate made for this run, which the emulator process trusts through NODE_EXTRA_CA_CERTS.
 */
let documents: CimdDocumentServer;
let documentURL: string;
let emulator: EmulatorProcess;
let server: ExampleServer;

beforeAll(async () => {
  documents = await startCimdDocumentServer(REDIRECT_URI);
  documentURL = documents.documentURL;
  emulator = await startEmulatorProcess(["--resource", exampleResource()], { NODE_EXTRA_CA_CERTS: documents.certFile });
  server = await startExampleServer(emulator.url);
});
afterAll(async () => {
  await server?.stop();
  await emulator?.stop();
  await documents?.close();
});

it("signs in with a URL client id resolved from its metadata document, without registering", async () => {
  const provider = new InMemoryOAuthProvider(REDIRECT_URI, documentURL);
  const { client, close } = await connectWithSignIn(server.mcpURL, { email: "dana@acme.test" }, provider);
  try {
    expect(provider.authorizationURL?.searchParams.get("client_id")).toBe(documentURL);
    expect(documents.fetches()).toBeGreaterThanOrEqual(1);
    const whoami = JSON.parse((await callTool(client, "whoami")).text);
    expect(whoami).toMatchObject({ email: "dana@acme.test", clientId: documentURL, role: "analyst" });
  } finally {
    await close();
  }
});
