import type { ErrorRequestHandler } from "express";
import type { EmulatorLogger } from "../context.js";
import { ApiError } from "./api-error.js";

/** body-parser marks its failures with `type` and `status`; they are the caller's fault, not ours. */
function fromBodyParser(error: unknown): ApiError | undefined {
  if (typeof error !== "object" || error === null || !("type" in error)) return undefined;
  const type = (error as { type: unknown }).type;
  if (type === "entity.parse.failed") return new ApiError("invalid_json", "Request body is not valid JSON.");
  if (type === "entity.too.large") return new ApiError("payload_too_large", "Request body is too large.");
  if ((typeof type === "string" && type.startsWith("encoding.")) || type === "charset.unsupported") {
    return new ApiError("invalid_json", "Request body encoding is not supported.");
  }
  return undefined;
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
