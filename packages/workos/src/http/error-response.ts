import type { AuthErrorCode, WorkOSAuthError } from "../errors.js";

export interface ErrorResponse {
  status: number;
  headers: Record<string, string>;
  body: { error: string; error_description: string };
}

/** How long a client should wait before retrying when AuthKit's keys cannot be fetched. */
const retryAfterSeconds = 10;

const statusByCode: Record<AuthErrorCode, number> = {
  missing_token: 401,
  invalid_token: 401,
  token_expired: 401,
  insufficient_scope: 403,
  jwks_unavailable: 503,
  origin_not_allowed: 403,
};

/**
 * The single mapping from a coded authentication failure to an HTTP answer (RFC 6750 §3).
 * Every 401/403 carries `resource_metadata` (RFC 9728 §5.1) so MCP clients find AuthKit from the
 * challenge alone; the body repeats the OAuth error for clients that read JSON.
 */
export function errorResponse(error: WorkOSAuthError, options: { resourceMetadataURL: string; requiredScopes: readonly string[] }): ErrorResponse {
  const status = statusByCode[error.code];
  const headers: Record<string, string> = { "cache-control": "no-store" };

  if (error.code === "jwks_unavailable") {
    headers["retry-after"] = String(retryAfterSeconds);
    return {
      status,
      headers,
      body: { error: "temporarily_unavailable", error_description: "Token verification is temporarily unavailable; retry shortly" },
    };
  }

  // Not a credential problem, so no challenge: a token would not make this request acceptable.
  if (error.code === "origin_not_allowed") {
    return { status, headers, body: { error: "forbidden", error_description: error.message } };
  }

  const oauthError = error.code === "insufficient_scope" ? "insufficient_scope" : "invalid_token";
  const params: string[] = [];
  // RFC 6750 §3.1: a request without credentials gets a challenge without an error code.
  if (error.code !== "missing_token") {
    params.push(`error=${quoted(oauthError)}`, `error_description=${quoted(error.message)}`);
  }
  const scopes = error.code === "insufficient_scope" ? error.requiredScopes : options.requiredScopes;
  if (scopes.length > 0) params.push(`scope=${quoted(scopes.join(" "))}`);
  params.push(`resource_metadata=${quoted(options.resourceMetadataURL)}`);
  headers["www-authenticate"] = `Bearer ${params.join(", ")}`;

  return { status, headers, body: { error: oauthError, error_description: error.message } };
}

/**
 * An auth-param value as an RFC 9110 §5.6.4 quoted-string: `"` and `\` escaped, so no value can
 * close the string and add a parameter of its own. Characters a header cannot carry (controls,
 * non-ASCII) become `?`, since RFC 6750 §3 limits these values to printable ASCII anyway.
 */
function quoted(value: string): string {
  return `"${value.replace(/[^\x20-\x7e]/g, "?").replace(/["\\]/g, "\\$&")}"`;
}
