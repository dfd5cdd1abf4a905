import * as oauth from "oauth4webapi";
import type { RunningEmulator } from "@xmcp-dev/authkit-emulator";
import { authorizationUrl, discover, exchangeCode, registerClient } from "../../../authkit-emulator/test/helpers/oauth-client.js";

// Never contacted: with autoLogin the emulator redirects here with the code, and we read the Location.
const redirectUri = "http://127.0.0.1:9/callback";

/**
 * Gets an access token from an emulator started with `autoLogin`, the way an MCP client does:
 * discovery, dynamic client registration, authorization code with PKCE S256 and, when given, an
 * RFC 8707 `resource` (which becomes the token's `aud`).
 *
 * @example
 * const emulator = await startEmulator({ port: 0, autoLogin: "alice@acme.test" });
 * const token = await signInThroughEmulator(emulator, "https://other.example/mcp");
 */
export async function signInThroughEmulator(emulator: RunningEmulator, resource?: string): Promise<string> {
  const as = await discover(emulator.issuer);
  const client = await registerClient(as, { redirect_uris: [redirectUri], token_endpoint_auth_method: "none", grant_types: ["authorization_code"] });
  const extra = resource === undefined ? undefined : { resource };
  const pkce = await authorizationUrl(as, client.client_id, redirectUri, extra);
  const redirect = await fetch(pkce.url, { redirect: "manual" });
  const callback = new URL(redirect.headers.get("location") as string, emulator.issuer);
  return (await exchangeCode(as, client, oauth.None(), callback, redirectUri, pkce, extra)).access_token;
}
