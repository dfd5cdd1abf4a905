import { OAuthError } from "./oauth-error.js";
import { parseClientMetadata, type ClientMetadata } from "./client-metadata.js";
import { LOOPBACK_HOSTS } from "./loopback-hosts.js";

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
  return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname));
}

/** The draft's URL rules: a path component, no fragment, no credentials, no dot segments. */
function assertWellFormedClientIdUrl(clientId: string): void {
  const url = new URL(clientId);
  const dotSegment = /\/\.{1,2}(\/|$)/.test(clientId.replace(/^[a-z]+:\/\/[^/]*/i, ""));
  if (url.pathname === "/" || clientId.includes("#") || url.username || url.password || dotSegment) {
    throw new OAuthError("invalid_client", "A URL client_id must have a path and no fragment, credentials or dot segments.");
  }
}

async function readCappedBody(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > CIMD_MAX_BYTES) {
      await reader.cancel();
      throw new OAuthError("invalid_client", `The client metadata document is larger than ${CIMD_MAX_BYTES} bytes.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Fetches and validates a Client ID Metadata Document. Redirects are not followed: the document
 * must live at the client_id URL itself, or `client_id` could not equal it.
 *
 * @example
 * const metadata = await fetchClientIdMetadataDocument("https://client.example/oauth/metadata.json");
 */
export async function fetchClientIdMetadataDocument(clientId: string): Promise<ClientMetadata> {
  assertWellFormedClientIdUrl(clientId);
  let response: Response;
  try {
    response = await fetch(clientId, {
      redirect: "manual",
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(CIMD_FETCH_TIMEOUT_MS),
    });
  } catch {
    throw new OAuthError("invalid_client", "The client metadata document could not be fetched.");
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    throw new OAuthError("invalid_client", `Fetching the client metadata document returned HTTP ${response.status}.`);
  }
  let text: string;
  try {
    text = await readCappedBody(response);
  } catch (error) {
    // The timeout above also covers the body: a server that sends headers and then stalls or
    // resets is as unreachable as one that never answered, not an emulator failure (a 500).
    if (error instanceof OAuthError) throw error;
    throw new OAuthError("invalid_client", "The client metadata document could not be fetched.");
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new OAuthError("invalid_client", "The client metadata document is not valid JSON.");
  }
  if (typeof document !== "object" || document === null || (document as { client_id?: unknown }).client_id !== clientId) {
    throw new OAuthError("invalid_client", "The client metadata document's client_id does not equal its URL.");
  }
  if ("client_secret" in document) {
    throw new OAuthError("invalid_client", "A client metadata document must not contain a client_secret.");
  }
  const method = (document as { token_endpoint_auth_method?: unknown }).token_endpoint_auth_method;
  if (method !== undefined && method !== "none") {
    throw new OAuthError("invalid_client", 'A metadata-document client must use token_endpoint_auth_method "none".');
  }
  try {
    return parseClientMetadata(document, "none");
  } catch (error) {
    if (error instanceof OAuthError) throw new OAuthError("invalid_client", `Client metadata document: ${error.description}`);
    throw error;
  }
}
