import type { OAuthClientRecord } from "../store/types.js";
import type { ClientLookupRequester } from "./client-id-url-policy.js";
import type { ClientRegistry } from "./client-registry.js";
import { OAuthError } from "./oauth-error.js";
import { assertAcceptableRedirectUri, redirectUriMatches } from "./redirect-uri-policy.js";
import { optionalParam, requiredParam } from "./request-params.js";
import { grantedScope } from "./scopes.js";

type Query = Record<string, unknown>;

/** Where errors may be sent: only known after the client and redirect URI are trusted. */
export interface AuthorizationTarget {
  client: OAuthClientRecord;
  redirectUri: string;
  state: string | undefined;
}

export interface AuthorizationRequest extends AuthorizationTarget {
  codeChallenge: string;
  scope: string;
  /** False when the client sent no `scope`: the token response then says what was granted. */
  scopeRequested: boolean;
  resource: string | null;
  /** OIDC Core §3.1.2.1: echoed in the ID token. */
  nonce: string | undefined;
}

/** RFC 7636 §4.2: 43 to 128 characters of the unreserved set. */
const CODE_CHALLENGE = /^[A-Za-z0-9\-._~]{43,128}$/;

/**
 * Phase one of `/oauth2/authorize`: the client and the redirect URI. Failures here must NOT
 * redirect (RFC 6749 §4.1.2.1): the caller shows them on an HTML page instead.
 */
export async function resolveAuthorizationTarget(query: Query, clients: ClientRegistry, requester: ClientLookupRequester): Promise<AuthorizationTarget> {
  const client = await clients.resolve(requiredParam(query, "client_id"), requester);
  const requested = requiredParam(query, "redirect_uri");
  if (!client.redirect_uris.some((registered) => redirectUriMatches(registered, requested))) {
    throw new OAuthError("invalid_request", "redirect_uri is not registered for this client.");
  }
  // A data file written before a scheme was refused may still hold a client registered with it.
  assertAcceptableRedirectUri(requested);
  const state = typeof query.state === "string" ? query.state : undefined;
  return { client, redirectUri: requested, state };
}

/**
 * Phase two: everything else. Failures are redirected to the client with `error`,
 * `error_description` and `state`.
 */
export function parseAuthorizationRequest(query: Query, target: AuthorizationTarget): AuthorizationRequest {
  optionalParam(query, "state");
  if (requiredParam(query, "response_type") !== "code") {
    throw new OAuthError("unsupported_response_type", 'Only response_type "code" is supported.');
  }
  const codeChallenge = optionalParam(query, "code_challenge");
  if (!codeChallenge) throw new OAuthError("invalid_request", "PKCE is required: send code_challenge with code_challenge_method S256.");
  // RFC 7636 §4.3 defaults a missing method to "plain", which OAuth 2.1 and AuthKit refuse.
  if (optionalParam(query, "code_challenge_method") !== "S256") {
    throw new OAuthError("invalid_request", "code_challenge_method must be S256.");
  }
  if (!CODE_CHALLENGE.test(codeChallenge)) throw new OAuthError("invalid_request", "code_challenge is malformed.");
  const resource = optionalParam(query, "resource") ?? null;
  // RFC 8707 §2: an absolute URI without a fragment.
  if (resource !== null && (!URL.canParse(resource) || resource.includes("#"))) {
    throw new OAuthError("invalid_target", "resource must be an absolute URI without a fragment.");
  }
  const { scope, requested } = grantedScope(optionalParam(query, "scope"), target.client.scope);
  const nonce = optionalParam(query, "nonce");
  return { ...target, codeChallenge, scope, scopeRequested: requested, resource, nonce };
}

/** The redirect carrying an authorization response or error (RFC 6749 §4.1.2 and §4.1.2.1). */
export function buildRedirect(target: AuthorizationTarget, params: Record<string, string>): string {
  const url = new URL(target.redirectUri);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  if (target.state !== undefined) url.searchParams.set("state", target.state);
  return url.toString();
}
