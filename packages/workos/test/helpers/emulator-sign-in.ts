import * as oauth from "oauth4webapi";
import type { RunningEmulator } from "@xmcp-dev/authkit-emulator";

// The emulator speaks plain HTTP on loopback; oauth4webapi refuses that unless told. Tests only.
const insecure = { [oauth.allowInsecureRequests]: true } as const;
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
  const issuer = new URL(emulator.issuer);
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: "oauth2", ...insecure }));
  const registration = await oauth.dynamicClientRegistrationRequest(
    as,
    { redirect_uris: [redirectUri], token_endpoint_auth_method: "none", grant_types: ["authorization_code"] },
    insecure,
  );
  const client = (await oauth.processDynamicClientRegistrationResponse(registration)) as oauth.Client;

  const verifier = oauth.generateRandomCodeVerifier();
  const url = new URL(as.authorization_endpoint as string);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: client.client_id,
    redirect_uri: redirectUri,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    scope: "openid profile email",
    ...(resource === undefined ? {} : { resource }),
  }).toString();
  const redirect = await fetch(url, { redirect: "manual" });
  const callback = new URL(redirect.headers.get("location") as string, emulator.issuer);
  const params = oauth.validateAuthResponse(as, client, callback, oauth.expectNoState);
  const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, redirectUri, verifier, {
    ...insecure,
    ...(resource === undefined ? {} : { additionalParameters: { resource } }),
  });
  return (await oauth.processAuthorizationCodeResponse(as, client, response)).access_token;
}
