import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";
import { generate } from "selfsigned";

export interface CimdDocumentServer {
  /** The client id: the https URL of the metadata document. */
  documentURL: string;
  /** A PEM file to pass as NODE_EXTRA_CA_CERTS to the emulator process, so it trusts the document server. */
  certFile: string;
  /** How many requests the server has answered. */
  fetches(): number;
  close(): Promise<void>;
}

/**
 * Serves a client ID metadata document for `redirectURI` over TLS on loopback: the MCP client
 * insists on an https document URL, so the certificate is made for this run and handed to the
 * emulator process through NODE_EXTRA_CA_CERTS.
 */
export async function startCimdDocumentServer(redirectURI: string, clientName = "CIMD e2e host"): Promise<CimdDocumentServer> {
  const pems = await generate([{ name: "commonName", value: "127.0.0.1" }], {
    algorithm: "sha256",
    keySize: 2048,
    extensions: [{ name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }] }],
  });
  const certFile = path.join(mkdtempSync(path.join(tmpdir(), "cimd-")), "cert.pem");
  writeFileSync(certFile, pems.cert);

  let fetches = 0;
  let documentURL = "";
  const server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    fetches++;
    if (req.url !== "/oauth/client.json") return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        client_id: documentURL,
        client_name: clientName,
        redirect_uris: [redirectURI],
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        token_endpoint_auth_method: "none",
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  documentURL = `https://127.0.0.1:${(server.address() as { port: number }).port}/oauth/client.json`;
  return {
    documentURL,
    certFile,
    fetches: () => fetches,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
