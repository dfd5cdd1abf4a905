import { removeWhere } from "./remove-where.js";
import type { StoreContext } from "./store-context.js";
import type { OAuthClientRecord } from "./types.js";

/** A client by id and kind: `dcr` for RFC 7591 registrations, `cimd` for metadata-document URLs. */
export function findOAuthClient(ctx: Pick<StoreContext, "state">, clientId: string, kind: OAuthClientRecord["kind"]): OAuthClientRecord | undefined {
  return ctx.state.oauthClients.find((candidate) => candidate.client_id === clientId && candidate.kind === kind);
}

/** Stores a client registered through RFC 7591 and saves. */
export function addRegisteredClient(ctx: StoreContext, client: OAuthClientRecord): void {
  ctx.state.oauthClients.push(client);
  ctx.save();
}

/** Records the client a metadata document describes, replacing the copy from an earlier fetch, and saves. */
export function recordMetadataDocumentClient(ctx: StoreContext, client: OAuthClientRecord): void {
  removeWhere(ctx.state.oauthClients, (candidate) => candidate.client_id === client.client_id);
  ctx.state.oauthClients.push(client);
  ctx.save();
}

/** The registered client of this name, for clients the emulator registers for itself. */
export function findRegisteredClientNamed(ctx: Pick<StoreContext, "state">, name: string): OAuthClientRecord | undefined {
  return ctx.state.oauthClients.find((candidate) => candidate.kind === "dcr" && candidate.client_name === name);
}
