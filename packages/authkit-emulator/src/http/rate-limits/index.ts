import type { Request, RequestHandler } from "express";
import type { EmulatorContext } from "../../context.js";
import { ApiError } from "../api-error.js";
import type { RateLimit, ResolvedRateLimits } from "./documented-limits.js";
import { SlidingWindowLog } from "./sliding-window-log.js";

export { DOCUMENTED_RATE_LIMITS, resolveRateLimits, type RateLimit, type RateLimitsOptions, type ResolvedRateLimits } from "./documented-limits.js";

/** Distinct client addresses tracked at once; the oldest is forgotten past this, so a flood of sources cannot grow memory. */
const MAX_TRACKED_ADDRESSES = 10_000;

/**
 * Answers WorkOS REST API requests over a documented limit as WorkOS does: `429`,
 * `Retry-After` in whole seconds (what `@workos-inc/node` reads), and the body
 * `{ code: "rate_limit_exceeded", message: "Too many requests." }` of WorkOS's OpenAPI
 * description. Every limit that applies to a request must admit it; the emulator has one
 * environment, so the per-environment limits have one counter each. Time is `ctx.now()`, so a
 * test that freezes the emulator's clock holds every request in one window.
 *
 * @example
 * app.use(API_PATH_PREFIXES, enforceRateLimits(ctx, DOCUMENTED_RATE_LIMITS));
 */
export function enforceRateLimits(ctx: EmulatorContext, limits: ResolvedRateLimits): RequestHandler {
  const perAddress = new Map<string, SlidingWindowLog>();
  const reads = counter(limits.userManagementReads);
  const writes = counter(limits.userManagementWrites);
  const all = limits.all;

  const forAddress = (address: string): SlidingWindowLog | undefined => {
    if (all === false) return undefined;
    let log = perAddress.get(address);
    if (log === undefined) {
      if (perAddress.size >= MAX_TRACKED_ADDRESSES) perAddress.delete(perAddress.keys().next().value!);
      log = new SlidingWindowLog(all.requests, all.windowSeconds * 1000);
      perAddress.set(address, log);
    }
    return log;
  };

  return (req, res, next) => {
    const nowMs = ctx.now() * 1000;
    const logs = [forAddress(req.socket.remoteAddress ?? "unknown")];
    if (isUserManagement(req)) logs.push(req.method === "GET" || req.method === "HEAD" ? reads : writes);
    // Every applicable limit must have room before any of them counts the request.
    const waitMs = Math.max(0, ...logs.map((log) => log?.waitMs(nowMs) ?? 0));
    if (waitMs > 0) {
      res.setHeader("Retry-After", String(Math.max(1, Math.ceil(waitMs / 1000))));
      next(new ApiError("rate_limit_exceeded", "Too many requests."));
      return;
    }
    for (const log of logs) log?.record(nowMs);
    next();
  };
}

function counter(limit: RateLimit | false): SlidingWindowLog | undefined {
  return limit === false ? undefined : new SlidingWindowLog(limit.requests, limit.windowSeconds * 1000);
}

function isUserManagement(req: Request): boolean {
  return `${req.baseUrl}${req.path}`.startsWith("/user_management/");
}
