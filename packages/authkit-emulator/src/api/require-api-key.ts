import type { RequestHandler } from "express";
import type { EmulatorContext } from "../context.js";
import { ApiError } from "../http/api-error.js";
import { readBearerCredential } from "../http/bearer-credential.js";
import { constantTimeEqual } from "../http/constant-time-equal.js";

/**
 * The WorkOS REST API authenticates with `Authorization: Bearer sk_...`. The key is read from
 * the state on every request so a reset or a reloaded `--data` file takes effect at once.
 * The presented key is never echoed or logged.
 */
export function requireApiKey(ctx: EmulatorContext): RequestHandler {
  return (req, _res, next) => {
    const presented = readBearerCredential(req.get("authorization"))?.credential;
    if (presented === undefined || !constantTimeEqual(presented, ctx.state.environment.api_key)) {
      next(new ApiError("unauthorized", "Unauthorized: a valid API key is required."));
      return;
    }
    next();
  };
}
