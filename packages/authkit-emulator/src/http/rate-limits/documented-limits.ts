/** One limit: at most `requests` in any `windowSeconds`. */
export interface RateLimit {
  requests: number;
  windowSeconds: number;
}

/**
 * The limits the emulator enforces on the WorkOS REST API. Each may be replaced, or switched
 * off with `false`; `rateLimits: false` switches them all off.
 */
export interface RateLimitsOptions {
  /** Every REST API request, per client IP address. Default 6,000 per 60 s. */
  all?: RateLimit | false;
  /** `GET`/`HEAD` under `/user_management/`, per environment. Default 1,000 per 10 s. */
  userManagementReads?: RateLimit | false;
  /** Other methods under `/user_management/`, per environment. Default 500 per 10 s. */
  userManagementWrites?: RateLimit | false;
}

export type ResolvedRateLimits = { [K in keyof RateLimitsOptions]-?: RateLimit | false };

/**
 * WorkOS API reference, "Rate limits": "All requests, *, 6,000 requests per 60 seconds per IP
 * address"; AuthKit (enforced per environment): "Reads, /user_management/*, 1,000 requests per
 * 10 seconds" and "Writes, /user_management/*, 500 requests per 10 seconds". The narrower
 * per-email and per-connection limits of sign-in endpoints concern routes the emulator serves
 * through its hosted login instead, and are not enforced.
 */
export const DOCUMENTED_RATE_LIMITS: ResolvedRateLimits = {
  all: { requests: 6_000, windowSeconds: 60 },
  userManagementReads: { requests: 1_000, windowSeconds: 10 },
  userManagementWrites: { requests: 500, windowSeconds: 10 },
};

/**
 * Apply the documented defaults and check every value, so a typo stops the emulator at start-up.
 * Returns `false` when every limit is off. Throws `TypeError` naming the setting.
 */
export function resolveRateLimits(options: RateLimitsOptions | boolean | undefined): ResolvedRateLimits | false {
  if (options === false) return false;
  if (options === undefined || options === true) return DOCUMENTED_RATE_LIMITS;
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`rateLimits must be false, true or an object (got ${String(options)})`);
  }
  const unknown = Object.keys(options).filter((name) => !(name in DOCUMENTED_RATE_LIMITS));
  if (unknown.length > 0) {
    throw new TypeError(`rateLimits: unknown limit ${unknown.join(", ")} (known: ${Object.keys(DOCUMENTED_RATE_LIMITS).join(", ")})`);
  }
  const resolved = { ...DOCUMENTED_RATE_LIMITS };
  for (const name of Object.keys(DOCUMENTED_RATE_LIMITS) as (keyof ResolvedRateLimits)[]) {
    const limit = options[name];
    if (limit === undefined) continue;
    if (limit !== false && !isRateLimit(limit)) {
      throw new TypeError(
        `rateLimits.${name} must be false or { requests: a positive whole number, windowSeconds: a positive number }`,
      );
    }
    resolved[name] = limit === false ? false : { requests: limit.requests, windowSeconds: limit.windowSeconds };
  }
  return Object.values(resolved).every((limit) => limit === false) ? false : resolved;
}

function isRateLimit(value: unknown): value is RateLimit {
  if (typeof value !== "object" || value === null) return false;
  const { requests, windowSeconds } = value as Partial<RateLimit>;
  return (
    Number.isInteger(requests) &&
    requests! > 0 &&
    requests! <= 1_000_000 &&
    typeof windowSeconds === "number" &&
    Number.isFinite(windowSeconds) &&
    windowSeconds > 0
  );
}
