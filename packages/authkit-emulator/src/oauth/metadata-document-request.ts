import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { ipAddressKind } from "../http/host-classification.js";

/** Why a document could not be obtained; logged for the developer, never sent to the client. */
export class DocumentUnavailable extends Error {}

/** `dns.lookup` with `all: true`: every address a name resolves to. */
export type ResolveAddresses = (
  hostname: string,
  options: LookupOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/**
 * How document requests reach the network. The machine's own (`dns.lookup`, Node's CA store)
 * unless a test replaces it on the context, to give a made-up name a loopback address and trust a
 * certificate made for the run: `NODE_EXTRA_CA_CERTS` cannot be set once the process runs.
 */
export interface DocumentNetwork {
  resolve: ResolveAddresses;
  /** Tests only: the CA certificates (PEM) https documents are checked against, instead of Node's. */
  ca?: string;
}

/** The machine's resolver and trust store. */
export const MACHINE_NETWORK: DocumentNetwork = Object.freeze<DocumentNetwork>({
  resolve: (hostname, options, callback) => dnsLookup(hostname, { ...options, all: true }, callback),
});

export interface DocumentRequestOptions {
  /** The request a web page of another site started: names that resolve to this machine or a private network are not connected to. */
  crossSite: boolean;
  timeoutMs: number;
  maxBytes: number;
  network: DocumentNetwork;
}

/** A document's body, and whether it came from this machine or a private network. */
export interface FetchedDocument {
  body: string;
  /**
   * True when the name resolved to, or the connection went to, a loopback or special-use address:
   * only the trusted rule (no cross-site requester) allows such a fetch.
   */
  fromLocalAddress: boolean;
}

/**
 * A lookup that refuses loopback and special-use (RFC 6890) answers for a cross-site request.
 * Checking the addresses the socket actually connects to, not an earlier lookup, means a name
 * that rebinds between two lookups cannot slip through. `onLocal` hears of any such answer.
 */
function guardedLookup(resolve: ResolveAddresses, crossSite: boolean, onLocal: () => void): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, options, (error, addresses) => {
      if (error) return callback(error, "", 0);
      if (addresses.some((entry) => ipAddressKind(entry.address) !== "public")) {
        if (crossSite) {
          return callback(new DocumentUnavailable(`${hostname} resolves to a loopback or private address, not fetched for a cross-site request`), "", 0);
        }
        onLocal();
      }
      if (options.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, addresses);
      const [first] = addresses;
      if (!first) return callback(new DocumentUnavailable(`${hostname} has no address`), "", 0);
      callback(null, first.address, first.family);
    });
  };
}

function send(url: URL, options: DocumentRequestOptions, signal: AbortSignal, onLocal: () => void): Promise<IncomingMessage> {
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  const tls = options.network.ca === undefined ? {} : { ca: options.network.ca };
  return new Promise((resolve, reject) => {
    // Redirects are not followed (http.request never does): the document must live at its URL.
    // `agent: false`: a connection of its own, never one kept alive from an earlier fetch, which
    // would skip the lookup above (a trusted fetch's loopback socket reused by a cross-site one).
    const outgoing = request(url, {
      headers: { accept: "application/json" },
      agent: false,
      lookup: guardedLookup(options.network.resolve, options.crossSite, onLocal),
      signal,
      ...tls,
    }, resolve);
    outgoing.on("error", reject);
    outgoing.end();
  });
}

/**
 * GETs a metadata document: its body when the answer is a 200 within the size cap and the time
 * limit (which also covers the body: a server that sends headers and then stalls is as
 * unreachable as one that never answered), else a {@link DocumentUnavailable}.
 *
 * @example
 * const { body } = await getMetadataDocument(new URL(clientId), { crossSite: false, timeoutMs: 3_000, maxBytes: 5 * 1024, network: MACHINE_NETWORK });
 */
export async function getMetadataDocument(url: URL, options: DocumentRequestOptions): Promise<FetchedDocument> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let resolvedLocal = false;
  let response: IncomingMessage;
  try {
    response = await send(url, options, signal, () => (resolvedLocal = true));
  } catch (error) {
    if (error instanceof DocumentUnavailable) throw error;
    throw new DocumentUnavailable(error instanceof Error ? error.message : "request failed");
  }
  // Read while the socket is open. IP literals are connected to without a lookup: the peer's
  // address speaks for them.
  const peer = response.socket?.remoteAddress;
  const fromLocalAddress = resolvedLocal || peer === undefined || ipAddressKind(peer) !== "public";
  if (response.statusCode !== 200) {
    response.destroy();
    throw new DocumentUnavailable(`HTTP ${response.statusCode}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      size += chunk.byteLength;
      if (size > options.maxBytes) {
        response.destroy();
        throw new DocumentUnavailable(`larger than ${options.maxBytes} bytes`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof DocumentUnavailable) throw error;
    throw new DocumentUnavailable("the body could not be read");
  }
  return { body: Buffer.concat(chunks).toString("utf8"), fromLocalAddress };
}
