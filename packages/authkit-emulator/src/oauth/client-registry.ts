import type { EmulatorContext } from "../context.js";
import { findOAuthClient, recordMetadataDocumentClient } from "../store/oauth-clients.js";
import type { OAuthClientRecord } from "../store/types.js";
import { fetchClientIdMetadataDocument, isClientIdMetadataUrl } from "./client-id-metadata-document.js";
import { assertClientIdUrlAllowed, type ClientLookupRequester } from "./client-id-url-policy.js";
import { OAuthError } from "./oauth-error.js";

/** How long a fetched metadata document is trusted before it is fetched again. */
export const CIMD_CACHE_SECONDS = 300;

/** When a document was fetched, and whether it came from this machine or a private network. */
interface FetchedEntry {
  at: number;
  fromLocalAddress: boolean;
}

/**
 * Finds OAuth clients: registered ones (RFC 7591) from the state, URL client ids from their
 * metadata document (fetched, cached for {@link CIMD_CACHE_SECONDS}, and recorded in
 * `state.oauthClients` with kind "cimd" so the admin API can list them).
 */
export class ClientRegistry {
  private readonly fetched = new Map<string, FetchedEntry>();
  private readonly inFlight = new Map<string, Promise<OAuthClientRecord>>();

  constructor(private readonly ctx: EmulatorContext) {}

  /**
   * @example
   * const client = await registry.resolve(clientId, { crossSite: isCrossSiteRequest(req.headers, ctx.servedHosts) });
   */
  async resolve(clientId: string, requester: ClientLookupRequester): Promise<OAuthClientRecord> {
    // With CIMD switched off a URL is no client id AuthKit knows: the lookup below refuses it.
    if (this.ctx.state.environment.client_id_metadata_document && isClientIdMetadataUrl(clientId)) {
      assertClientIdUrlAllowed(clientId, requester);
      return this.resolveMetadataDocument(clientId, requester);
    }
    const client = findOAuthClient(this.ctx, clientId, "dcr");
    if (!client) throw new OAuthError("invalid_client", "Unknown client_id.");
    return client;
  }

  private resolveMetadataDocument(clientId: string, requester: ClientLookupRequester): Promise<OAuthClientRecord> {
    const cached = findOAuthClient(this.ctx, clientId, "cimd");
    const fetched = this.fetched.get(clientId);
    // A document only the trusted rule let the emulator fetch (from this machine or a private
    // network) is not there for another site's page: an answer from the cache would tell the page
    // that the developer's tool used this client id lately. The page's request goes the way it
    // would had nothing been cached, and gets the same answer.
    const reusable = fetched !== undefined && !(requester.crossSite && fetched.fromLocalAddress);
    if (cached && reusable && fetched.at + CIMD_CACHE_SECONDS > this.ctx.now()) {
      return Promise.resolve(cached);
    }
    // A cross-site request never joins a trusted one's fetch, nor the other way round: they may
    // connect to different addresses (see getMetadataDocument).
    const key = `${requester.crossSite ? "cross-site" : "trusted"} ${clientId}`;
    let running = this.inFlight.get(key);
    if (!running) {
      running = this.refresh(clientId, requester).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, running);
    }
    return running;
  }

  private async refresh(clientId: string, requester: ClientLookupRequester): Promise<OAuthClientRecord> {
    const { metadata, fromLocalAddress } = await fetchClientIdMetadataDocument(clientId, {
      crossSite: requester.crossSite,
      isOwnUrl: (url) => this.ctx.servedHosts.reaches(url),
      onUnavailable: (detail) => this.ctx.logger.warn(`Client metadata document ${clientId} could not be fetched: ${detail}.`),
      network: this.ctx.documentNetwork,
    });
    const record: OAuthClientRecord = {
      ...metadata,
      client_id: clientId,
      client_id_issued_at: this.ctx.now(),
      kind: "cimd",
    };
    for (const evicted of recordMetadataDocumentClient(this.ctx, record)) this.fetched.delete(evicted);
    this.fetched.set(clientId, { at: this.ctx.now(), fromLocalAddress });
    return record;
  }
}

/** What the consent screen calls the client: its name, else the CIMD URL's host. */
export function clientDisplayName(client: OAuthClientRecord): string {
  if (client.client_name) return client.client_name;
  if (client.kind === "cimd") return new URL(client.client_id).host;
  return client.client_id;
}
