import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { ipAddressKind } from "./client-id-url-address.js";

/** Why a document could not be obtained; logged for the developer, never sent to the client. */
export class DocumentUnavailable extends Error {}

export interface DocumentRequestOptions {
  /** The request a web page of another site started: names that resolve to this machine or a private network are not connected to. */
  crossSite: boolean;
  timeoutMs: number;
  maxBytes: number;
}

/**
 * `dns.lookup` that refuses loopback and special-use (RFC 6890) answers for a cross-site request.
 * Checking the addresses the socket actually connects to, not an earlier lookup, means a name
 * that rebinds between two lookups cannot slip through.
 */
function guardedLookup(crossSite: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      if (crossSite && addresses.some((entry) => ipAddressKind(entry.address) !== "public")) {
        return callback(new DocumentUnavailable(`${hostname} resolves to a loopback or private address, not fetched for a cross-site request`), "", 0);
      }
      if (options.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, addresses);
      const [first] = addresses;
      if (!first) return callback(new DocumentUnavailable(`${hostname} has no address`), "", 0);
      callback(null, first.address, first.family);
    });
  };
}

function send(url: URL, options: DocumentRequestOptions, signal: AbortSignal): Promise<IncomingMessage> {
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    // Redirects are not followed (http.request never does): the document must live at its URL.
    const outgoing = request(url, { headers: { accept: "application/json" }, lookup: guardedLookup(options.crossSite), signal }, resolve);
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
 * const text = await getMetadataDocument(new URL(clientId), { crossSite: false, timeoutMs: 3_000, maxBytes: 5 * 1024 });
 */
export async function getMetadataDocument(url: URL, options: DocumentRequestOptions): Promise<string> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let response: IncomingMessage;
  try {
    response = await send(url, options, signal);
  } catch (error) {
    if (error instanceof DocumentUnavailable) throw error;
    throw new DocumentUnavailable(error instanceof Error ? error.message : "request failed");
  }
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
  return Buffer.concat(chunks).toString("utf8");
}
