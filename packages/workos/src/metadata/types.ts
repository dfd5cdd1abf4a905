/** RFC 9728 protected resource metadata, as served at `/.well-known/oauth-protected-resource`. */
export interface OAuthProtectedResourceMetadata {
  resource: string;
  authorization_servers: string[];
  bearer_methods_supported: string[];
  scopes_supported?: string[];
  resource_documentation?: string;
  resource_name?: string;
  [field: string]: unknown;
}

/** RFC 8414 authorization server metadata (AuthKit's document, passed through). */
export interface OAuthAuthorizationServerMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  registration_endpoint?: string;
  jwks_uri?: string;
  introspection_endpoint?: string;
  revocation_endpoint?: string;
  userinfo_endpoint?: string;
  response_types_supported: string[];
  grant_types_supported?: string[];
  code_challenge_methods_supported?: string[];
  token_endpoint_auth_methods_supported?: string[];
  scopes_supported?: string[];
  /** draft-ietf-oauth-client-id-metadata-document: AuthKit accepts URL client ids. */
  client_id_metadata_document_supported?: boolean;
  [field: string]: unknown;
}
