import { removeWhere } from "./remove-where.js";
import { type StoreContext, insertRecord } from "./store-context.js";
import type { OAuthClientRecord } from "./types.js";

/** A client by id and kind: `dcr` for RFC 7591 registrations, `cimd` for metadata-document URLs. */
export function findOAuthClient(ctx: Pick<StoreContext, "state">, clientId: string, kind: OAuthClientRecord["kind"]): OAuthClientRecord | undefined {
  return ctx.state.oauthClients.find((candidate) => candidate.client_id === clientId && candidate.kind === kind);
}

/**
 * Registration is open and anonymous (RFC 7591, as AuthKit's MCP surface), and any reachable URL
 * can be a client id: without a cap a script grows the state, and the `--data` file rewritten on
 * every save, without bound. Per kind, far more clients than one developer's tools register.
 */
export const MAX_OAUTH_CLIENTS_PER_KIND = 1_000;

/**
 * Makes room for one more client of `kind`: evicts the oldest clients of that kind that no live
 * session uses, and only when every one is in use, the oldest of all. Returns the evicted ids.
 */
function makeRoomForClient(ctx: StoreContext, kind: OAuthClientRecord["kind"]): string[] {
  const ofKind = ctx.state.oauthClients.filter((client) => client.kind === kind);
  const excess = ofKind.length - MAX_OAUTH_CLIENTS_PER_KIND + 1;
  if (excess <= 0) return [];
  const inUse = new Set(ctx.state.sessions.filter((session) => !session.revoked).map((session) => session.client_id));
  // Insertion order is registration order: the oldest come first.
  const unused = ofKind.filter((client) => !inUse.has(client.client_id));
  const used = ofKind.filter((client) => inUse.has(client.client_id));
  const evicted = new Set([...unused, ...used].slice(0, excess).map((client) => client.client_id));
  removeWhere(ctx.state.oauthClients, (client) => client.kind === kind && evicted.has(client.client_id));
  return [...evicted];
}

/** Stores a client registered through RFC 7591, evicting beyond {@link MAX_OAUTH_CLIENTS_PER_KIND}, and saves. */
export function addRegisteredClient(ctx: StoreContext, client: OAuthClientRecord): void {
  makeRoomForClient(ctx, "dcr");
  insertRecord(ctx, "oauthClients", client);
}

/**
 * Records the client a metadata document describes, replacing the copy from an earlier fetch,
 * evicting beyond {@link MAX_OAUTH_CLIENTS_PER_KIND}, and saves. Returns the ids it evicted.
 */
export function recordMetadataDocumentClient(ctx: StoreContext, client: OAuthClientRecord): string[] {
  removeWhere(ctx.state.oauthClients, (candidate) => candidate.client_id === client.client_id);
  const evicted = makeRoomForClient(ctx, "cimd");
  insertRecord(ctx, "oauthClients", client);
  return evicted;
}

/** The client the emulator registered for its test tokens, if it still exists. */
export function findTestTokenClient(ctx: Pick<StoreContext, "state">): OAuthClientRecord | undefined {
  const clientId = ctx.state.testTokenClientId;
  return clientId === undefined ? undefined : findOAuthClient(ctx, clientId, "dcr");
}

/** Stores the client test tokens are issued to and remembers its id, and saves. */
export function addTestTokenClient(ctx: StoreContext, client: OAuthClientRecord): void {
  ctx.state.testTokenClientId = client.client_id;
  addRegisteredClient(ctx, client);
}
