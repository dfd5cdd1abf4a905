import { OAuthError } from "./oauth-error.js";
import { parseClientMetadata, type ClientMetadata } from "./client-metadata.js";
import { LOOPBACK_NAMES } from "../http/host-classification.js";
import { DocumentUnavailable, getMetadataDocument, type DocumentNetwork } from "./metadata-document-request.js";

/** draft-ietf-oauth-client-id-metadata-document: documents are small; a cap stops a hostile server streaming forever. */
export const CIMD_MAX_BYTES = 5 * 1024;
export const CIMD_FETCH_TIMEOUT_MS = 3_000;

/**
 * True for client ids that name a metadata document: https URLs, and (for local development
 * only, as the draft's security considerations allow a deployment to decide) http loopback URLs.
 */
export function isClientIdMetadataUrl(clientId: string): boolean {
  if (!URL.canParse(clientId)) return false;
  const url = new URL(clientId);
  return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_NAMES.has(url.hostname));
}

/** The draft's URL rules: a path component, no fragment, no credentials, no dot segments. */
function assertWellFormedClientIdUrl(clientId: string): void {
  const url = new URL(clientId);
  const dotSegment = /\/\.{1,2}(\/|$)/.test(clientId.replace(/^[a-z]+:\/\/[^/]*/i, ""));
  if (url.pathname === "/" || clientId.includes("#") || url.username || url.password || dotSegment) {
    throw new OAuthError("invalid_client", "A URL client_id must have a path and no fragment, credentials or dot segments.");
  }
}

/** Every failure to obtain a document, whatever the cause: the same words, or a web page could tell a closed port from an open one. */
export const CIMD_FETCH_FAILED = "The client metadata document could not be fetched.";

/**
 * Fetches the document and returns it once it proves to be one: a JSON object whose `client_id`
 * is its own URL. Until then every failure is a {@link DocumentUnavailable}.
 */
async function loadDocument(clientId: string, options: MetadataDocumentFetchOptions): Promise<{ document: object; fromLocalAddress: boolean }> {
  const { body, fromLocalAddress } = await getMetadataDocument(new URL(clientId), {
    crossSite: options.crossSite,
    timeoutMs: CIMD_FETCH_TIMEOUT_MS,
    maxBytes: CIMD_MAX_BYTES,
    network: options.network,
  });
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch {
    throw new DocumentUnavailable("not valid JSON");
  }
  if (typeof document !== "object" || document === null || (document as { client_id?: unknown }).client_id !== clientId) {
    throw new DocumentUnavailable("its client_id does not equal its URL");
  }
  return { document, fromLocalAddress };
}

export interface MetadataDocumentFetchOptions {
  /** The request a web page of another site started: see `ClientLookupRequester`. */
  crossSite: boolean;
  /** True for URLs this emulator itself answers: fetching one would make it call itself. */
  isOwnUrl(url: URL): boolean;
  /** Told why a fetch failed (the client only ever hears {@link CIMD_FETCH_FAILED}). */
  onUnavailable(detail: string): void;
  /** The resolver and trust store the fetch uses. */
  network: DocumentNetwork;
}

/** A validated document, and whether it was served from this machine or a private network. */
export interface FetchedClientMetadata {
  metadata: ClientMetadata;
  fromLocalAddress: boolean;
}

/**
 * Fetches and validates a Client ID Metadata Document. The emulator's own origin is never
 * fetched (a client id pointing there made the emulator call itself, request after request).
 *
 * @example
 * const { metadata } = await fetchClientIdMetadataDocument("https://client.example/oauth/metadata.json", options);
 */
export async function fetchClientIdMetadataDocument(clientId: string, options: MetadataDocumentFetchOptions): Promise<FetchedClientMetadata> {
  assertWellFormedClientIdUrl(clientId);
  if (options.isOwnUrl(new URL(clientId))) {
    throw new OAuthError("invalid_client", "A URL client_id must not point at the authorization server itself.");
  }
  let document: object;
  let fromLocalAddress: boolean;
  try {
    ({ document, fromLocalAddress } = await loadDocument(clientId, options));
  } catch (error) {
    if (!(error instanceof DocumentUnavailable)) throw error;
    options.onUnavailable(error.message);
    throw new OAuthError("invalid_client", CIMD_FETCH_FAILED);
  }
  if ("client_secret" in document) {
    throw new OAuthError("invalid_client", "A client metadata document must not contain a client_secret.");
  }
  const method = (document as { token_endpoint_auth_method?: unknown }).token_endpoint_auth_method;
  if (method !== undefined && method !== "none") {
    throw new OAuthError("invalid_client", 'A metadata-document client must use token_endpoint_auth_method "none".');
  }
  try {
    return { metadata: parseClientMetadata(document, "none"), fromLocalAddress };
  } catch (error) {
    if (error instanceof OAuthError) throw new OAuthError("invalid_client", `Client metadata document: ${error.description}`);
    throw error;
  }
}
