import { OAuthError } from "./oauth-error.js";

/** The scopes AuthKit advertises for MCP clients. */
export const SUPPORTED_SCOPES = ["openid", "profile", "email", "offline_access"] as const;
export type SupportedScope = (typeof SUPPORTED_SCOPES)[number];

/** The scope granted for an authorization request, and whether the client named it itself. */
export interface GrantedScope {
  scope: string;
  /** False when the client sent no `scope` and got the default (RFC 6749 §3.3). */
  requested: boolean;
}

/**
 * The scope granted for a request. A scope AuthKit does not know is refused with `invalid_scope`
 * (RFC 6749 §4.1.2.1), as AuthKit does, rather than dropped; with no scope requested the client's
 * registered scope, else every supported scope, is the default.
 *
 * @example
 * grantedScope("openid email", undefined); // { scope: "openid email", requested: true }
 * grantedScope("openid mcp:tools", undefined); // throws OAuthError("invalid_scope")
 */
export function grantedScope(requested: string | undefined, registered: string | undefined): GrantedScope {
  if (requested === undefined) {
    const fallback = new Set((registered ?? SUPPORTED_SCOPES.join(" ")).split(" "));
    return { scope: SUPPORTED_SCOPES.filter((scope) => fallback.has(scope)).join(" "), requested: false };
  }
  const wanted = new Set(requested.split(" ").filter(Boolean));
  const unknown = [...wanted].find((scope) => !(SUPPORTED_SCOPES as readonly string[]).includes(scope));
  if (unknown !== undefined) throw new OAuthError("invalid_scope", `Unknown scope "${unknown}". Supported: ${SUPPORTED_SCOPES.join(", ")}.`);
  return { scope: SUPPORTED_SCOPES.filter((scope) => wanted.has(scope)).join(" "), requested: true };
}

/** Whether a space-separated scope string contains `scope`. */
export function hasScope(scopes: string, scope: SupportedScope): boolean {
  return scopes.split(" ").includes(scope);
}
