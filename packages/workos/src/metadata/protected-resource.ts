import type { ResolvedConfig } from "../config/types.js";
import type { OAuthProtectedResourceMetadata } from "./types.js";

/**
 * The RFC 9728 document that tells MCP clients which authorization server protects this
 * resource. Built once per provider: it depends only on configuration.
 */
export function protectedResourceMetadata(config: ResolvedConfig): OAuthProtectedResourceMetadata {
  const document: OAuthProtectedResourceMetadata = {
    resource: config.resource,
    authorization_servers: [config.issuer],
    // RFC 6750 §2.1 only: query and form-body tokens leak into logs and caches.
    bearer_methods_supported: ["header"],
  };
  if (config.scopesSupported) document.scopes_supported = config.scopesSupported;
  if (config.docsURL) document.resource_documentation = config.docsURL;
  return Object.freeze(document);
}
