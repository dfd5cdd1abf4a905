import type { EmulatorContext } from "../context.js";
import { ApiError } from "../http/api-error.js";
import { addTestTokenClient, findOAuthClient, findTestTokenClient } from "../store/oauth-clients.js";
import type { OAuthClientRecord } from "../store/types.js";
import { newId } from "../store/ids.js";

/** The name of the public client that test tokens are issued to when the caller names none. */
export const TEST_TOKEN_CLIENT_NAME = "authkit-emulator test tokens";

/**
 * The OAuth client a test token is issued to: the one the caller names (so its refresh token
 * works at `/oauth2/token` as that client), else a public client kept for the purpose, registered
 * on first use like any dynamically registered client and found again by its stored id (never by
 * its name, which any page registering a client can copy). It has no redirect URI, so nothing can
 * start a browser sign-in with it.
 */
export function testTokenClient(ctx: EmulatorContext, clientId: string | undefined): OAuthClientRecord {
  if (clientId !== undefined) {
    const named = findOAuthClient(ctx, clientId, "dcr") ?? findOAuthClient(ctx, clientId, "cimd");
    if (!named) throw ApiError.notFound("OAuth client", clientId);
    return named;
  }
  const existing = findTestTokenClient(ctx);
  if (existing) return existing;
  const client: OAuthClientRecord = {
    client_id: newId("client"),
    client_name: TEST_TOKEN_CLIENT_NAME,
    redirect_uris: [],
    grant_types: ["refresh_token"],
    response_types: [],
    token_endpoint_auth_method: "none",
    client_id_issued_at: ctx.now(),
    kind: "dcr",
  };
  addTestTokenClient(ctx, client);
  return client;
}
