/**
 * Failures modelled as data: one family under {@link WorkOSError}, each class with a stable literal
 * `code`; HTTP mapping lives in one place (`http/error-response.ts`). Messages are safe to show to
 * a client: they never contain the token or its claims.
 *
 * `instanceof` is decided by a `Symbol.for` brand rather than the prototype chain: a bundler can
 * load this package twice (its ESM and CJS builds), and an error thrown by one copy must still be
 * recognised by the other.
 */

const brand = Symbol.for("@xmcp-dev/workos/error");

type Branded = { [brand]?: readonly string[] };

export type AuthErrorCode =
  | "missing_token"
  | "invalid_token"
  | "token_expired"
  | "insufficient_scope"
  | "jwks_unavailable"
  | "origin_not_allowed";

export type AccessDeniedCode =
  | "missing_permission"
  | "missing_role"
  | "missing_organization"
  | "wrong_organization"
  | "missing_scope";

export type ContextErrorCode = "no_session" | "client_not_initialized";

/**
 * `rate_limited`: the WorkOS API answered 429 (or asked to wait, and the wait is not over) and no
 * recent value was held to serve instead; `retryAfterSeconds` says when asking again makes sense.
 * `workos_api_error`: any other failure (outage, unknown id, rejected key).
 */
export type WorkOSApiErrorCode = "workos_api_error" | "rate_limited";

/** Every `code` a {@link WorkOSError} can carry. */
export type WorkOSErrorCode = AuthErrorCode | AccessDeniedCode | WorkOSApiErrorCode | ContextErrorCode;

/**
 * The base of every error this package throws.
 *
 * @example
 * try {
 *   (await getAccess()).requireRole("admin");
 * } catch (error) {
 *   if (error instanceof WorkOSError) return `Denied (${error.code})`;
 *   throw error;
 * }
 */
export abstract class WorkOSError extends Error {
  /** The brand each class adds to its instances; also what `instanceof` looks for. */
  protected static readonly brandName: string = "WorkOSError";
  abstract readonly code: WorkOSErrorCode;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    const names: string[] = [];
    for (let c: unknown = new.target; typeof c === "function" && c !== Error; c = Object.getPrototypeOf(c)) {
      const name = (c as { brandName?: unknown }).brandName;
      if (typeof name === "string" && !names.includes(name)) names.push(name);
    }
    Object.defineProperty(this, brand, { value: Object.freeze(names) });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (typeof value !== "object" || value === null) return false;
    const names = (value as Branded)[brand];
    return Array.isArray(names) && names.includes((this as unknown as { brandName: string }).brandName);
  }
}

/**
 * A request could not be authenticated. Returned by `authenticate()` of the core and answered by
 * the adapters with a 401, 403 or 503 challenge.
 *
 * @example
 * const result = await auth.authenticate(request.headers.get("authorization"));
 * if (!result.ok && result.error.code === "token_expired") return toResponse(auth.challenge(result.error));
 */
export class WorkOSAuthError extends WorkOSError {
  protected static override readonly brandName: string = "WorkOSAuthError";
  override name = "WorkOSAuthError";
  readonly code: AuthErrorCode;
  /** Scopes the request needed, for `insufficient_scope`. */
  readonly requiredScopes: readonly string[];

  constructor(code: AuthErrorCode, message: string, options?: { cause?: unknown; requiredScopes?: readonly string[] }) {
    super(message, options);
    this.code = code;
    this.requiredScopes = options?.requiredScopes ?? [];
  }
}

/**
 * The caller is authenticated but not allowed. Thrown by the checks of `getAccess()` inside a
 * tool; the MCP server turns it into a tool error result whose text is this message.
 *
 * @example
 * try {
 *   (await getAccess()).requirePermission("reports:read");
 * } catch (error) {
 *   if (error instanceof AccessDeniedError) return `Ask an admin for ${error.missing.join(", ")}`;
 *   throw error;
 * }
 */
export class AccessDeniedError extends WorkOSError {
  protected static override readonly brandName: string = "AccessDeniedError";
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

/**
 * A WorkOS API call made on the caller's behalf failed (rate limit, outage, unknown id).
 *
 * @example
 * try {
 *   return (await getUser()).email;
 * } catch (error) {
 *   if (error instanceof WorkOSApiError && error.code === "rate_limited") return `Busy, try again in ${error.retryAfterSeconds} s`;
 *   throw error;
 * }
 */
export class WorkOSApiError extends WorkOSError {
  protected static override readonly brandName: string = "WorkOSApiError";
  override name = "WorkOSApiError";
  readonly code: WorkOSApiErrorCode;
  /** HTTP status from the WorkOS API, when there was a response. */
  readonly status: number | undefined;
  /** For `rate_limited`: whole seconds until the WorkOS API may be asked again. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    message: string,
    status: number | undefined,
    cause: unknown,
    options: { code?: WorkOSApiErrorCode; retryAfterSeconds?: number } = {},
  ) {
    super(message, { cause });
    this.status = status;
    this.code = options.code ?? "workos_api_error";
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/**
 * Used outside an authenticated request, or `getClient()` before any provider was created.
 *
 * @example
 * try {
 *   getSession();
 * } catch (error) {
 *   if (error instanceof WorkOSContextError && error.code === "no_session") logger.warn("getSession() called outside a request");
 * }
 */
export class WorkOSContextError extends WorkOSError {
  protected static override readonly brandName: string = "WorkOSContextError";
  override name = "WorkOSContextError";
  readonly code: ContextErrorCode;

  constructor(code: ContextErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/**
 * Any error of this package, to `switch` on its `code`.
 *
 * @example
 * function describe(error: AnyWorkOSError): string {
 *   switch (error.code) {
 *     case "token_expired": return "sign in again";
 *     case "missing_permission": return `missing ${error.missing.join(", ")}`;
 *     case "workos_api_error": return `WorkOS answered ${error.status ?? "nothing"}`;
 *     case "rate_limited": return `try again in ${error.retryAfterSeconds} s`;
 *     default: return error.message;
 *   }
 * }
 */
export type AnyWorkOSError = WorkOSAuthError | AccessDeniedError | WorkOSApiError | WorkOSContextError;
