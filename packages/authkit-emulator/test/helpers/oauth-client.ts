import * as oauth from "oauth4webapi";

/** The emulator speaks http on loopback; oauth4webapi refuses that unless told. Tests only. */
export const insecure = { [oauth.allowInsecureRequests]: true } as const;

export async function discover(issuer: string): Promise<oauth.AuthorizationServer> {
  const url = new URL(issuer);
  return oauth.processDiscoveryResponse(url, await oauth.discoveryRequest(url, { algorithm: "oauth2", ...insecure }));
}

/**
 * The OpenID configuration, where AuthKit (and so the emulator) names `jwks_uri` and
 * `userinfo_endpoint`: its RFC 8414 document, which MCP clients read, carries neither.
 */
export async function discoverOpenId(issuer: string): Promise<oauth.AuthorizationServer> {
  const url = new URL(issuer);
  return oauth.processDiscoveryResponse(url, await oauth.discoveryRequest(url, { algorithm: "oidc", ...insecure }));
}

export async function registerClient(as: oauth.AuthorizationServer, metadata: Partial<oauth.Client> & { redirect_uris: string[] }): Promise<oauth.Client> {
  const response = await oauth.dynamicClientRegistrationRequest(as, metadata, insecure);
  return oauth.processDynamicClientRegistrationResponse(response) as Promise<oauth.Client>;
}

export interface PkceAuthorization {
  url: string;
  verifier: string;
  state: string;
}

/** An authorization request URL with PKCE S256 and state, as an MCP client builds it. */
export async function authorizationUrl(
  as: oauth.AuthorizationServer,
  clientId: string,
  redirectUri: string,
  extra: Record<string, string> = {},
): Promise<PkceAuthorization> {
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(as.authorization_endpoint!);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: redirectUri,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    scope: "openid profile email offline_access",
    state,
    ...extra,
  }).toString();
  return { url: url.toString(), verifier, state };
}

export async function exchangeCode(
  as: oauth.AuthorizationServer,
  client: oauth.Client,
  auth: oauth.ClientAuth,
  callback: URL,
  redirectUri: string,
  pkce: PkceAuthorization,
  additionalParameters?: Record<string, string>,
): Promise<oauth.TokenEndpointResponse> {
  const params = oauth.validateAuthResponse(as, client, callback, pkce.state);
  const response = await oauth.authorizationCodeGrantRequest(as, client, auth, params, redirectUri, pkce.verifier, { ...insecure, additionalParameters });
  return oauth.processAuthorizationCodeResponse(as, client, response);
}

export async function refresh(as: oauth.AuthorizationServer, client: oauth.Client, auth: oauth.ClientAuth, refreshToken: string): Promise<oauth.TokenEndpointResponse> {
  const response = await oauth.refreshTokenGrantRequest(as, client, auth, refreshToken, insecure);
  return oauth.processRefreshTokenResponse(as, client, response);
}

/** POST a form to an endpoint and return status + parsed JSON (for asserting error bodies). */
export async function postForm(url: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(url, { method: "POST", body: new URLSearchParams(form), headers });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: response.headers };
}

/**
 * Introspects as AuthKit's reference says a caller must: an application's `client_id` and
 * `client_secret` in the body. The application is a confidential client registered for the call.
 */
export async function introspect(issuer: string, token: string): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const registered = await fetch(`${issuer}/oauth2/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ redirect_uris: ["https://resource-server.example/cb"], token_endpoint_auth_method: "client_secret_post", client_name: "Resource server" }),
  });
  const application = (await registered.json()) as { client_id: string; client_secret: string };
  return postForm(`${issuer}/oauth2/introspection`, { token, client_id: application.client_id, client_secret: application.client_secret });
}
