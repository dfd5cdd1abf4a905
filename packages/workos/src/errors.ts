/**
 * Failures modelled as data. Each class carries a stable literal `code`; HTTP mapping lives in
 * one place (`http/error-response.ts`). Messages are safe to show to a client: they never
 * contain the token or its claims.
 */

export type AuthErrorCode =
  | "missing_token"
  | "invalid_token"
  | "token_expired"
  | "insufficient_scope"
  | "jwks_unavailable";

/** A request could not be authenticated. Thrown by the verification core, answered by the adapters. */
export class WorkOSAuthError extends Error {
  override name = "WorkOSAuthError";
  readonly code: AuthErrorCode;
  /** Scopes the request needed, for `insufficient_scope`. */
  readonly requiredScopes: readonly string[];

  constructor(code: AuthErrorCode, message: string, options?: { cause?: unknown; requiredScopes?: readonly string[] }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.requiredScopes = options?.requiredScopes ?? [];
  }
}

export type AccessDeniedCode =
  | "missing_permission"
  | "missing_role"
  | "missing_organization"
  | "wrong_organization"
  | "missing_scope";

/**
 * The caller is authenticated but not allowed. Thrown by the `require*` helpers inside a tool;
 * the MCP server turns it into a tool error result whose text is this message.
 */
export class AccessDeniedError extends Error {
  override name = "AccessDeniedError";
  readonly code: AccessDeniedCode;
  /** What was required and missing (permission names, role slugs, scopes or an organization id). */
  readonly missing: readonly string[];

  constructor(code: AccessDeniedCode, message: string, missing: readonly string[]) {
    super(message);
    this.code = code;
    this.missing = missing;
  }
}

/** A WorkOS API call made on the caller's behalf failed (rate limit, outage, unknown id). */
export class WorkOSApiError extends Error {
  override name = "WorkOSApiError";
  readonly code = "workos_api_error" as const;
  /** HTTP status from the WorkOS API, when there was a response. */
  readonly status: number | undefined;

  constructor(message: string, status: number | undefined, cause: unknown) {
    super(message, { cause });
    this.status = status;
  }
}

/** Used outside an authenticated request, or before `workosProvider()` ran. */
export class WorkOSContextError extends Error {
  override name = "WorkOSContextError";
  readonly code: "no_session" | "client_not_initialized";

  constructor(code: "no_session" | "client_not_initialized", message: string) {
    super(message);
    this.code = code;
  }
}
