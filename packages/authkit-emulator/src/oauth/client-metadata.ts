import { OAuthError } from "./oauth-error.js";
import { assertAcceptableRedirectUri } from "./redirect-uri-policy.js";
import type { OAuthClientRecord } from "../store/types.js";

export const SUPPORTED_GRANT_TYPES = ["authorization_code", "refresh_token"] as const;
export const SUPPORTED_AUTH_METHODS = ["none", "client_secret_post", "client_secret_basic"] as const;

export type ClientMetadata = Omit<OAuthClientRecord, "client_id" | "client_secret" | "client_id_issued_at" | "kind">;

function optionalString(body: Record<string, unknown>, name: string, max = 500): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" || value.length > max) {
    throw new OAuthError("invalid_client_metadata", `"${name}" must be a string of at most ${max} characters.`);
  }
  return value;
}

function optionalWebUrl(body: Record<string, unknown>, name: string): string | undefined {
  const value = optionalString(body, name, 2000);
  if (value === undefined) return undefined;
  if (!/^https?:\/\//i.test(value) || !URL.canParse(value)) {
    throw new OAuthError("invalid_client_metadata", `"${name}" must be an http(s) URL.`);
  }
  return value;
}

function stringList(body: Record<string, unknown>, name: string, fallback: string[]): string[] {
  const value = body[name];
  if (value === undefined) return fallback;
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) {
    throw new OAuthError("invalid_client_metadata", `"${name}" must be an array of strings.`);
  }
  return value;
}

/**
 * Validates client metadata shared by RFC 7591 registration and CIMD documents.
 * `defaultAuthMethod` differs: RFC 7591 §2 defaults to `client_secret_basic`, while a CIMD
 * client has no secret and is always `none`.
 *
 * @example
 * const metadata = parseClientMetadata(req.body, "client_secret_basic");
 */
export function parseClientMetadata(body: unknown, defaultAuthMethod: OAuthClientRecord["token_endpoint_auth_method"]): ClientMetadata {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new OAuthError("invalid_client_metadata", "Client metadata must be a JSON object.");
  }
  const record = body as Record<string, unknown>;
  const redirectUris = record.redirect_uris;
  if (!Array.isArray(redirectUris) || redirectUris.length === 0) {
    throw new OAuthError("invalid_redirect_uri", "redirect_uris must be a non-empty array.");
  }
  redirectUris.forEach(assertAcceptableRedirectUri);

  const method = optionalString(record, "token_endpoint_auth_method") ?? defaultAuthMethod;
  if (!(SUPPORTED_AUTH_METHODS as readonly string[]).includes(method)) {
    throw new OAuthError("invalid_client_metadata", `token_endpoint_auth_method must be one of ${SUPPORTED_AUTH_METHODS.join(", ")}.`);
  }
  const grantTypes = stringList(record, "grant_types", ["authorization_code"]);
  const unsupportedGrant = grantTypes.find((grant) => !(SUPPORTED_GRANT_TYPES as readonly string[]).includes(grant));
  if (unsupportedGrant) {
    throw new OAuthError("invalid_client_metadata", `Unsupported grant type "${unsupportedGrant}".`);
  }
  const responseTypes = stringList(record, "response_types", ["code"]);
  if (responseTypes.some((type) => type !== "code")) {
    throw new OAuthError("invalid_client_metadata", 'Only the "code" response type is supported.');
  }
  return {
    redirect_uris: redirectUris as string[],
    token_endpoint_auth_method: method as OAuthClientRecord["token_endpoint_auth_method"],
    grant_types: grantTypes,
    response_types: responseTypes,
    client_name: optionalString(record, "client_name", 200),
    scope: optionalString(record, "scope"),
    client_uri: optionalWebUrl(record, "client_uri"),
    logo_uri: optionalWebUrl(record, "logo_uri"),
  };
}
