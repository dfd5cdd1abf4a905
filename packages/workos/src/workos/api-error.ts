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

function statusOf(error: unknown): number | undefined {
  if (error && typeof error === "object" && "status" in error && typeof error.status === "number") return error.status;
  return undefined;
}
