import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCimdDocumentServer, type CimdDocumentServer } from "./helpers/cimd-document-server.js";
import { startEmulatorProcess, type EmulatorProcess } from "./helpers/emulator-process.js";
import { exampleResource, startExampleServer, type ExampleServer } from "./helpers/example-server.js";
import { callTool, connectWithSignIn, InMemoryOAuthProvider, REDIRECT_URI } from "../../../e2e/helpers/mcp-client.js";

/**
 * The Dashboard's Connect → Configuration switches, seen by the official MCP client: it reads the
 * RFC 8414 document and picks a client identification method from what is advertised there.
 */
let documents: CimdDocumentServer;
beforeAll(async () => {
  documents = await startCimdDocumentServer(REDIRECT_URI);
});
afterAll(() => documents?.close());

/** The emulator process with `flags`, trusting the document server, and the example in front of it. */
function useStack(flags: () => string[]) {
  const stack = {} as { emulator: EmulatorProcess; server: ExampleServer };
  beforeAll(async () => {
    stack.emulator = await startEmulatorProcess(flags(), { NODE_EXTRA_CA_CERTS: documents.certFile });
    stack.server = await startExampleServer(stack.emulator.url);
  });
  afterAll(async () => {
    await stack.server?.stop();
    await stack.emulator?.stop();
  });
  return stack;
}

describe("--no-cimd --resource <this server>", () => {
  const mcpURL = exampleResource();
  const stack = useStack(() => ["--no-cimd", "--resource", mcpURL]);

  it("makes a client that has a metadata document register instead, and binds its token to the configured resource", async () => {
    const fetchesBefore = documents.fetches();
    const provider = new InMemoryOAuthProvider(REDIRECT_URI, documents.documentURL);
    const { client, close } = await connectWithSignIn(stack.server.mcpURL, { email: "dana@acme.test" }, provider);
    try {
      const clientId = provider.registered?.client_id;
      expect(clientId).toMatch(/^client_01/);
      expect(provider.authorizationURL?.searchParams.get("client_id")).toBe(clientId);
      expect(documents.fetches()).toBe(fetchesBefore);
      expect(decodeJwt(provider.savedTokens!.access_token).aud).toBe(mcpURL);
      const whoami = JSON.parse((await callTool(client, "whoami")).text);
      expect(whoami).toMatchObject({ email: "dana@acme.test", clientId });
    } finally {
      await close();
    }
  });
});

describe("--no-dcr", () => {
  const stack = useStack(() => ["--no-dcr"]);

  it("leaves a client without a metadata document unable to sign in: there is nothing to register with", async () => {
    await expect(connectWithSignIn(stack.server.mcpURL, { email: "bob@acme.test" })).rejects.toThrow(/does not support dynamic client registration/);
    const register = await fetch(`${stack.emulator.url}/oauth2/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "none" }),
    });
    expect(register.status).toBe(404);
  });

  it("signs a client with a metadata document in by its URL, and without a configured resource aud is the client id", async () => {
    const provider = new InMemoryOAuthProvider(REDIRECT_URI, documents.documentURL);
    const { client, close } = await connectWithSignIn(stack.server.mcpURL, { email: "bob@acme.test" }, provider);
    try {
      expect(provider.registered?.client_id).toBe(documents.documentURL);
      expect(decodeJwt(provider.savedTokens!.access_token).aud).toBe("client_01EMULATOR00000000000000");
      const whoami = JSON.parse((await callTool(client, "whoami")).text);
      expect(whoami).toMatchObject({ email: "bob@acme.test", clientId: documents.documentURL });
    } finally {
      await close();
    }
  });
});
