import type { LookupAddress } from "node:dns";
import { lookup } from "node:dns";
import { createServer, type Server } from "node:https";
import type { RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { generate } from "selfsigned";
import type { DocumentNetwork } from "../../src/oauth/metadata-document-request.js";

/**
 * An https server on 127.0.0.1 for a made-up DNS name, with a certificate made for this run: the
 * emulator reaches it through {@link DocumentNetwork} (the name resolved to 127.0.0.1, the
 * certificate trusted), as it would reach a name whose DNS answer is loopback.
 */
export interface TlsDocumentServer {
  /** `https://<name>:<port>` */
  origin: string;
  /** What to put on `emulator.context.documentNetwork`: the name on 127.0.0.1, other names as the machine resolves them. */
  network: DocumentNetwork;
  /** Requests answered, and TLS connections accepted, so far. */
  counts(): { requests: number; connections: number };
  close(): Promise<void>;
}

export async function startTlsDocumentServer(name: string, handler: RequestListener): Promise<TlsDocumentServer> {
  const pems = await generate([{ name: "commonName", value: name }], {
    algorithm: "sha256",
    keySize: 2048,
    extensions: [{ name: "subjectAltName", altNames: [{ type: 2, value: name }] }],
  });
  let requests = 0;
  let connections = 0;
  const server: Server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    requests += 1;
    handler(req, res);
  });
  server.on("secureConnection", () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://${name}:${port}`,
    network: {
      resolve(hostname, options, callback) {
        if (hostname.toLowerCase() !== name) return lookup(hostname, { ...options, all: true }, callback);
        const addresses: LookupAddress[] = [{ address: "127.0.0.1", family: 4 }];
        queueMicrotask(() => callback(null, addresses));
      },
      ca: pems.cert,
    },
    counts: () => ({ requests, connections }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
