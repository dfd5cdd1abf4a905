import { WorkOSApiError } from "../errors.js";

/**
 * Wraps an SDK failure into a {@link WorkOSApiError} whose message a tool can return as is:
 * what was being done, the status, and whether retrying makes sense. The SDK's own message is
 * kept as `cause` for logs.
 */
export function toWorkOSApiError(action: string, error: unknown): WorkOSApiError {
  const status = statusOf(error);
  const hint =
    status === 429
      ? "rate limited by the WorkOS API; try again shortly"
      : status !== undefined && status >= 500
        ? "the WorkOS API is unavailable; try again shortly"
        : status === 401
          ? "the WorkOS API rejected the API key; check WORKOS_API_KEY"
          : status === 404
            ? "not found in WorkOS"
            : status === undefined
              ? "the WorkOS API could not be reached"
              : `the WorkOS API answered ${status}`;
  return new WorkOSApiError(`[WorkOS] Could not ${action}: ${hint}`, status, error);
}

/**
 * The coded error a tool gets when the WorkOS API is rate limiting and nothing recent is held to
 * serve instead: it says when to try again, as the API's `Retry-After` did.
 */
export function rateLimitedError(action: string, retryAfterMs: number): WorkOSApiError {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new WorkOSApiError(
    `[WorkOS] Could not ${action}: rate limited by the WorkOS API; try again in ${retryAfterSeconds} s`,
    429,
    undefined,
    { code: "rate_limited", retryAfterSeconds },
  );
}

/**
 * The HTTP status the API answered with. A non-JSON answer (a gateway's HTML 502, a proxy's
 * plain-text 429) surfaces from the SDK as `Error("Unexpected error: ...", { cause: ParseError })`,
 * and that ParseError's own `status` is always 500: the real status is its `rawStatus`. So the
 * cause chain is followed, and `rawStatus` wins over `status`.
 */
export function statusOf(error: unknown): number | undefined {
  for (let depth = 0; depth < 4 && error && typeof error === "object"; depth++) {
    if ("rawStatus" in error && typeof error.rawStatus === "number") return error.rawStatus;
    if ("status" in error && typeof error.status === "number") return error.status;
    error = "cause" in error ? error.cause : undefined;
  }
  return undefined;
}
