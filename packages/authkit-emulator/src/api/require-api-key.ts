import { timingSafeEqual } from "node:crypto";
import type { RequestHandler } from "express";
import type { EmulatorContext } from "../context.js";
import { ApiError } from "../http/api-error.js";

function sameSecret(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The WorkOS REST API authenticates with `Authorization: Bearer sk_...`. The key is read from
 * the state on every request so a reset or a reloaded `--data` file takes effect at once.
 * The presented key is never echoed or logged.
 */
export function requireApiKey(ctx: EmulatorContext): RequestHandler {
  return (req, _res, next) => {
    const header = req.get("authorization") ?? "";
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match?.[1] === undefined || !sameSecret(match[1], ctx.state.environment.api_key)) {
      next(new ApiError("unauthorized", "Unauthorized: a valid API key is required."));
      return;
    }
    next();
  };
}
