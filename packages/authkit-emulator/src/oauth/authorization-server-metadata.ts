import { SUPPORTED_AUTH_METHODS, SUPPORTED_GRANT_TYPES } from "./client-metadata.js";
import type { EnvironmentSettings } from "../environment/environment-settings.js";
import { SUPPORTED_SCOPES } from "./scopes.js";

/** The Dashboard switches the RFC 8414 document reflects. */
export type RegistrationSwitches = Pick<EnvironmentSettings, "dynamic_client_registration" | "client_id_metadata_document">;

/**
 * RFC 8414 metadata at /.well-known/oauth-authorization-server, with exactly the fields AuthKit's
 * reference lists for it (reference/workos-connect/metadata/oauth-authorization-server, and the
 * sample in AuthKit's MCP guide): no `jwks_uri`, `userinfo_endpoint` or revocation fields, which
 * AuthKit does not put here, so code that reads them works here and breaks on AuthKit. This is the
 * document MCP clients read (MCP authorization spec), and the only one where AuthKit advertises
 * dynamic registration and Client ID Metadata Documents, each only while its switch is on:
 * `registration_endpoint` is "only returned if enabled for the environment", and
 * `client_id_metadata_document_supported` is left out rather than `false` when CIMD is off, as for
 * any capability a server lacks (draft-ietf-oauth-client-id-metadata-document §4).
 *
 * @example
 * res.json(authorizationServerMetadata(ctx.issuer, ctx.state.environment));
 */
export function authorizationServerMetadata(issuer: string, switches: RegistrationSwitches): Record<string, unknown> {
  return {
    ...sharedMetadata(issuer),
    code_challenge_methods_supported: ["S256"],
    ...(switches.dynamic_client_registration ? { registration_endpoint: `${issuer}/oauth2/register` } : {}),
    scopes_supported: [...SUPPORTED_SCOPES],
    response_modes_supported: ["query"],
    token_endpoint_auth_methods_supported: [...SUPPORTED_AUTH_METHODS],
    ...(switches.client_id_metadata_document ? { client_id_metadata_document_supported: true } : {}),
  };
}

/**
 * OpenID Connect Discovery 1.0 document at /.well-known/openid-configuration, with exactly the
 * fields AuthKit's reference lists for it (reference/workos-connect/metadata/openid-configuration):
 * `jwks_uri` and `userinfo_endpoint` are here, registration, the CIMD flag, PKCE methods, scopes
 * and client authentication methods are not (AuthKit keeps those to the RFC 8414 document).
 */
export function openIdConfiguration(issuer: string): Record<string, unknown> {
  return {
    ...sharedMetadata(issuer),
    id_token_signing_alg_values_supported: ["RS256"],
    jwks_uri: `${issuer}/oauth2/jwks`,
    subject_types_supported: ["public"],
    userinfo_endpoint: `${issuer}/oauth2/userinfo`,
  };
}

/** The fields both of AuthKit's documents carry. */
function sharedMetadata(issuer: string): Record<string, unknown> {
  return {
    issuer,
    authorization_endpoint: `${issuer}/oauth2/authorize`,
    grant_types_supported: [...SUPPORTED_GRANT_TYPES],
    introspection_endpoint: `${issuer}/oauth2/introspection`,
    response_types_supported: ["code"],
    token_endpoint: `${issuer}/oauth2/token`,
  };
}
