import { arrayOf, literal, oneOf, optional, required, type Field, type Shape } from "./check-shape.js";

/**
 * The OAuth wire shapes the emulator must send, field by field, written from the RFCs and from
 * AuthKit's reference pages (workos.com/docs/reference/authkit/..., the pages the WorkOS docs
 * server serves), never from the emulator's code. "required" is what the RFC requires or what
 * AuthKit documents as always sent; a field neither lists fails the check.
 */

const stringList = () => arrayOf("string", "optional");

/** A literal that may be left out (a capability flag a server without it omits). */
function optionalLiteral(value: string | boolean): Field {
  return { ...literal(value), required: false };
}

/**
 * The fields both of AuthKit's discovery documents carry (its metadata reference,
 * reference/workos-connect/metadata/*): RFC 8414 §2 names, each documented as always sent.
 */
const SHARED_METADATA: Shape = {
  issuer: required("string"),
  authorization_endpoint: required("string"),
  token_endpoint: required("string"),
  introspection_endpoint: required("string"),
  response_types_supported: arrayOf("string"),
  grant_types_supported: arrayOf("string"),
};

/**
 * AuthKit's authorization server metadata reference, exactly: no `jwks_uri`, `userinfo_endpoint`
 * or revocation fields (RFC 8414 allows them; AuthKit does not send them, so a client that reads
 * them here would break there). `registration_endpoint` is "only returned if enabled for the
 * environment", and `client_id_metadata_document_supported`
 * (draft-ietf-oauth-client-id-metadata-document §4) is `true` or absent. Only this document
 * carries them.
 */
export const AUTHORIZATION_SERVER_METADATA: Shape = {
  ...SHARED_METADATA,
  code_challenge_methods_supported: arrayOf("string"),
  scopes_supported: arrayOf("string"),
  response_modes_supported: arrayOf("string"),
  token_endpoint_auth_methods_supported: arrayOf("string"),
  registration_endpoint: optional("string"),
  client_id_metadata_document_supported: optionalLiteral(true),
};

/**
 * AuthKit's OpenID configuration reference, exactly: OpenID Connect Discovery 1.0 §3's REQUIRED
 * `jwks_uri`, `subject_types_supported` and `id_token_signing_alg_values_supported`, and
 * `userinfo_endpoint`; no registration endpoint, CIMD flag, PKCE methods, scopes or client
 * authentication methods.
 */
export const OPENID_CONFIGURATION: Shape = {
  ...SHARED_METADATA,
  jwks_uri: required("string"),
  userinfo_endpoint: required("string"),
  subject_types_supported: arrayOf("string"),
  id_token_signing_alg_values_supported: arrayOf("string"),
};

/**
 * RFC 7517 §4 with the RSA parameters of RFC 7518 §6.3.1 (`kty`, `n`, `e`). `kid` is required
 * here: verifiers such as jose's `createRemoteJWKSet` pick the key by the token's `kid`.
 */
const RSA_PUBLIC_JWK: Shape = {
  kty: literal("RSA"),
  n: required("string"),
  e: required("string"),
  kid: required("string"),
  alg: oneOf(["RS256"], "optional"),
  use: oneOf(["sig"], "optional"),
};

/** RFC 7517 §5: a JWK Set is an object whose `keys` member is an array of JWKs. */
export const JWKS: Shape = { keys: arrayOf(RSA_PUBLIC_JWK) };

/** The WorkOS API's 404 for an unknown client id (OpenAPI `SsoController_jsonWebKeySet`). */
export const CLIENT_NOT_FOUND: Shape = { message: required("string") };

/**
 * RFC 7591 §3.2.1: `client_id` REQUIRED, `client_secret` and `client_id_issued_at` OPTIONAL,
 * `client_secret_expires_at` REQUIRED when a secret is issued (checked by the test), plus every
 * registered metadata value (§2) the server accepted.
 */
export const CLIENT_INFORMATION: Shape = {
  client_id: required("string"),
  client_secret: optional("string"),
  client_id_issued_at: optional("number"),
  client_secret_expires_at: optional("number"),
  redirect_uris: arrayOf("string"),
  token_endpoint_auth_method: oneOf(["none", "client_secret_post", "client_secret_basic"], "optional"),
  grant_types: stringList(),
  response_types: stringList(),
  client_name: optional("string"),
  client_uri: optional("string"),
  logo_uri: optional("string"),
  scope: optional("string"),
};

/**
 * RFC 6749 §5.1 (`access_token`, `token_type` REQUIRED; `expires_in` RECOMMENDED, always sent per
 * AuthKit's token reference, as `token_type: "bearer"`), `id_token` of OIDC Core §3.1.3.3 when
 * `openid` was granted, and `scope` only where §5.1 requires it.
 */
export const TOKEN_RESPONSE: Shape = {
  access_token: required("string"),
  token_type: literal("bearer"),
  expires_in: required("number"),
  id_token: optional("string"),
  refresh_token: optional("string"),
  scope: optional("string"),
};

/**
 * RFC 6749 §5.2 error body (`error` REQUIRED; `error_description`, `error_uri` OPTIONAL), also
 * used by RFC 7591 §3.2.2, RFC 7009 §2.2.1, RFC 7662 §2.3 and, as JSON, RFC 6750 §3.
 */
export function oauthError(code: string): Shape {
  return { error: literal(code), error_description: optional("string"), error_uri: optional("string") };
}

/**
 * OIDC Core §5.3.2: `sub` always; the §5.1 standard claims the scope releases (`profile`: names;
 * `email`: `email`, `email_verified`), as AuthKit's userinfo reference lists them.
 */
export const USERINFO: Shape = {
  sub: required("string"),
  name: optional("string"),
  given_name: optional("string"),
  family_name: optional("string"),
  email: optional("string"),
  email_verified: optional("boolean"),
};

/**
 * RFC 7662 §2.2 and AuthKit's introspection reference, which lists for an access token `active`,
 * `token_type`, `client_id`, `iss`, `sub`, `iat`, `sid`, `jti`, `exp` and `org_id` when the user
 * picked an organization.
 */
export const ACTIVE_ACCESS_TOKEN: Shape = {
  active: literal(true),
  token_type: literal("access_token"),
  client_id: required("string"),
  iss: required("string"),
  sub: required("string"),
  iat: required("number"),
  sid: required("string"),
  jti: required("string"),
  exp: required("number"),
  org_id: optional("string"),
};

/** AuthKit's introspection reference for a refresh token: no `sid`, `jti` or `exp`. */
export const ACTIVE_REFRESH_TOKEN: Shape = {
  active: literal(true),
  token_type: literal("refresh_token"),
  client_id: required("string"),
  iss: required("string"),
  sub: required("string"),
  iat: required("number"),
  org_id: optional("string"),
};

/** RFC 7662 §2.2: an inactive token's answer "SHOULD NOT include any additional information". */
export const INACTIVE_TOKEN: Shape = { active: literal(false) };

/**
 * The access token's claims as AuthKit's access token reference lists them (`iss sub aud sid jti
 * exp iat`, `org_id` once an organization is picked, and the JWT template's `role`, `roles`,
 * `permissions`, `entitlements`), plus two deliberate additions the emulator's README documents:
 * `client_id` and `scope` (RFC 9068 §2.2), which `getSession()` in `@xmcp-dev/workos` reads.
 */
export const ACCESS_TOKEN_CLAIMS: Shape = {
  iss: required("string"),
  sub: required("string"),
  aud: required("string", "array"),
  sid: required("string"),
  jti: required("string"),
  exp: required("number"),
  iat: required("number"),
  org_id: optional("string"),
  role: optional("string"),
  roles: stringList(),
  permissions: stringList(),
  entitlements: stringList(),
  client_id: required("string"),
  scope: required("string"),
};

/**
 * OIDC Core §2 (`iss sub aud exp iat` REQUIRED, `nonce` when requested, `at_hash` §3.1.3.6) and
 * the §5.1 claims the scope releases, as AuthKit's ID token reference lists them.
 */
export const ID_TOKEN_CLAIMS: Shape = {
  iss: required("string"),
  sub: required("string"),
  aud: required("string", "array"),
  exp: required("number"),
  iat: required("number"),
  nonce: optional("string"),
  at_hash: optional("string"),
  ...USERINFO,
};
