/**
 * Every OAuth failure the emulator reports. Codes come from RFC 6749 §4.1.2.1 and §5.2,
 * RFC 7591 §3.2.2 (registration), RFC 8707 §2 (`invalid_target`) and RFC 6750 §3.1 (`invalid_token`).
 */
export type OAuthErrorCode =
  | "invalid_request"
  | "invalid_client"
  | "invalid_grant"
  | "unauthorized_client"
  | "unsupported_grant_type"
  | "unsupported_response_type"
  | "invalid_scope"
  | "invalid_target"
  | "access_denied"
  | "invalid_redirect_uri"
  | "invalid_client_metadata"
  | "invalid_token"
  | "server_error";

/** The single place an OAuth error code becomes an HTTP status. */
const HTTP_STATUS: Record<OAuthErrorCode, number> = {
  invalid_request: 400,
  // RFC 6749 §5.2: 401 for a failed client authentication.
  invalid_client: 401,
  invalid_grant: 400,
  unauthorized_client: 400,
  unsupported_grant_type: 400,
  unsupported_response_type: 400,
  invalid_scope: 400,
  invalid_target: 400,
  access_denied: 403,
  invalid_redirect_uri: 400,
  invalid_client_metadata: 400,
  // RFC 6750 §3.1
  invalid_token: 401,
  server_error: 500,
};

/**
 * An OAuth error with a stable literal `code` and a public `description`.
 * The description is shown to clients: it never contains a token, a secret or a password.
 *
 * @example
 * throw new OAuthError("invalid_grant", "The authorization code has already been used.");
 */
export class OAuthError extends Error {
  override readonly name = "OAuthError";

  constructor(
    readonly code: OAuthErrorCode,
    readonly description: string,
  ) {
    super(`${code}: ${description}`);
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }

  /** The JSON body of RFC 6749 §5.2. */
  toResponseObject(): { error: OAuthErrorCode; error_description: string } {
    return { error: this.code, error_description: this.description };
  }
}
