import { SUPPORTED_AUTH_METHODS, SUPPORTED_GRANT_TYPES } from "./client-metadata.js";
import type { EnvironmentSettings } from "../environment/environment-settings.js";
import { SUPPORTED_SCOPES } from "./scopes.js";

/** The Dashboard switches the RFC 8414 document reflects. */
export type RegistrationSwitches = Pick<EnvironmentSettings, "dynamic_client_registration" | "client_id_metadata_document">;

/**
 * RFC 8414 metadata at /.well-known/oauth-authorization-server. This is the document MCP clients
 * read (MCP authorization spec), and the only one where AuthKit advertises dynamic registration
 * and Client ID Metadata Documents, each only while its switch is on: `registration_endpoint` is
 * "only returned if enabled for the environment" (AuthKit's metadata reference), and
 * `client_id_metadata_document_supported` is left out rather than `false` when CIMD is off, as
 * for any capability a server lacks (draft-ietf-oauth-client-id-metadata-document §4).
 *
 * @example
 * res.json(authorizationServerMetadata(ctx.issuer, ctx.state.environment));
 */
export function authorizationServerMetadata(issuer: string, switches: RegistrationSwitches): Record<string, unknown> {
  return {
    ...sharedMetadata(issuer),
    ...(switches.dynamic_client_registration ? { registration_endpoint: `${issuer}/oauth2/register` } : {}),
    ...(switches.client_id_metadata_document ? { client_id_metadata_document_supported: true } : {}),
  };
}

/**
 * OpenID Connect Discovery 1.0 document at /.well-known/openid-configuration: the same endpoints,
 * without `registration_endpoint` and the CIMD flag (AuthKit keeps those to the RFC 8414 document).
 */
export function openIdConfiguration(issuer: string): Record<string, unknown> {
  return {
    ...sharedMetadata(issuer),
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: ["RS256"],
    claims_supported: ["sub", "email", "email_verified", "name", "given_name", "family_name"],
  };
}

function sharedMetadata(issuer: string): Record<string, unknown> {
  return {
    issuer,
    authorization_endpoint: `${issuer}/oauth2/authorize`,
    token_endpoint: `${issuer}/oauth2/token`,
    jwks_uri: `${issuer}/oauth2/jwks`,
    userinfo_endpoint: `${issuer}/oauth2/userinfo`,
    introspection_endpoint: `${issuer}/oauth2/introspection`,
    revocation_endpoint: `${issuer}/oauth2/revoke`,
    response_types_supported: ["code"],
    response_modes_supported: ["query"],
    grant_types_supported: [...SUPPORTED_GRANT_TYPES],
    code_challenge_methods_supported: ["S256"],
    token_endpoint_auth_methods_supported: [...SUPPORTED_AUTH_METHODS],
    introspection_endpoint_auth_methods_supported: ["client_secret_post", "client_secret_basic", "none"],
    revocation_endpoint_auth_methods_supported: [...SUPPORTED_AUTH_METHODS],
    scopes_supported: [...SUPPORTED_SCOPES],
  };
}
