/** The scopes AuthKit advertises for MCP clients. */
export const SUPPORTED_SCOPES = ["openid", "profile", "email", "offline_access"] as const;

/**
 * The scope granted for a request. Unknown scopes are dropped rather than rejected, which
 * RFC 6749 §3.3 allows (the granted scope is returned in the token response); with no scope
 * requested the client's registered scope, else every supported scope, is the default.
 *
 * @example
 * grantedScope("openid email mcp:tools", undefined); // "openid email"
 */
export function grantedScope(requested: string | undefined, registered: string | undefined): string {
  const source = requested ?? registered ?? SUPPORTED_SCOPES.join(" ");
  const wanted = new Set(source.split(" ").filter(Boolean));
  return SUPPORTED_SCOPES.filter((scope) => wanted.has(scope)).join(" ");
}
