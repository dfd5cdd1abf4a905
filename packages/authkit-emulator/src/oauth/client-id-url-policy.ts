import { hostKind } from "../http/host-classification.js";
import { OAuthError } from "./oauth-error.js";

/** Who asks the emulator to resolve a client id. */
export interface ClientLookupRequester {
  /**
   * True when a browser sent the request for a page of another site (see `isCrossSiteRequest`).
   * Such a page must not make the emulator fetch a URL on this machine: that is a request to a
   * local service past its own Origin and Fetch Metadata checks, and its timing tells open ports
   * from closed ones.
   */
  crossSite: boolean;
}

export const CROSS_SITE_LOCAL_DOCUMENT =
  "This client's metadata document is on a loopback or private address, and the emulator does not fetch one for a cross-site request (a web page could use it to reach local services). Start the sign-in from the app itself, or serve the document over https from a public host.";

/**
 * Refuses, before anything is fetched or looked up in the cache, a URL client id the requester
 * may not make the emulator fetch: an IP literal in an RFC 6890 special-use range other than
 * loopback, for anyone; loopback (the local-development case the CIMD draft's security
 * considerations leave to the deployment), for a cross-site request. Answered the same whether
 * or not the document was ever fetched, so nothing about local ports or past sign-ins leaks.
 *
 * @example
 * assertClientIdUrlAllowed("http://127.0.0.1:3000/client.json", { crossSite: false });
 */
export function assertClientIdUrlAllowed(clientId: string, requester: ClientLookupRequester): void {
  const address = hostKind(new URL(clientId).hostname);
  if (address === "special-use") {
    throw new OAuthError(
      "invalid_client",
      "A URL client_id must not name a private or special-use IP address (RFC 6890); serve the metadata document from a public https host, or from loopback for local development.",
    );
  }
  if (address === "loopback" && requester.crossSite) throw new OAuthError("invalid_client", CROSS_SITE_LOCAL_DOCUMENT);
}
