import type { ErrorRequestHandler } from "express";
import type { EmulatorLogger } from "../context.js";
import { ApiError } from "./api-error.js";
import { bodyRejection } from "./body-rejection.js";

/** What each body-parser rejection is called in the REST and admin APIs' error codes. */
function fromBodyParser(error: unknown): ApiError | undefined {
  const rejection = bodyRejection(error);
  if (rejection === undefined) return undefined;
  if (rejection.type === "entity.parse.failed") return new ApiError("invalid_json", "Request body is not valid JSON.");
  if (rejection.status === 413) return new ApiError("payload_too_large", "Request body is too large or has too many fields.");
  if (rejection.status === 415) return new ApiError("unsupported_media_type", "Request body encoding is not supported.");
  return new ApiError("bad_request", "Request body could not be read.");
}

/**
 * The one place errors become HTTP. Coded errors keep their status and message; anything else
 * is a bug in the emulator, answered with a bare 500 (no stack trace leaves the process) and
 * logged by name and message, never with the request that caused it.
 */
export function createErrorHandler(logger: EmulatorLogger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const known = error instanceof ApiError ? error : fromBodyParser(error);
    if (known !== undefined) {
      res.status(known.status).json(known.toResponseObject());
      return;
    }
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
    logger.error(`Unhandled error while serving a request: ${detail}`);
    const internal = new ApiError("internal_error", "Internal error.");
    res.status(internal.status).json(internal.toResponseObject());
  };
}
