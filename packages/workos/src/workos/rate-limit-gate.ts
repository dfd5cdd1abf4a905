/**
 * Retry-After beyond this is treated as this: the SDK caps its own wait the same way, and a
 * proxy that answers `Retry-After: 3600` must not stop every lookup for an hour.
 */
const MAX_RETRY_AFTER_MS = 60_000;
/** When a 429 names no delay: the shortest window WorkOS documents (`/user_management/*`, 10 s). */
const DEFAULT_RETRY_AFTER_MS = 10_000;

/**
 * Per provider: the moment the WorkOS API said it may be asked again. WorkOS asks clients that
 * get a 429 to wait `Retry-After` seconds; until then every lookup is answered from what is held
 * (or refused) without a request, so a throttled instance adds nothing to the throttling.
 */
export class RateLimitGate {
  #openAtMs = 0;

  /** Milliseconds until the API may be asked again; 0 when it may be now. */
  waitMs(nowMs = Date.now()): number {
    return Math.max(0, this.#openAtMs - nowMs);
  }

  /** Close for `retryAfterMs` from now (never shortens a longer wait already in force). */
  close(retryAfterMs: number, nowMs = Date.now()): void {
    this.#openAtMs = Math.max(this.#openAtMs, nowMs + retryAfterMs);
  }
}

/**
 * What the gated fetch throws instead of handing a 429 to the SDK. The SDK retries a 429 after
 * sleeping `Retry-After` (up to 60 s), holding the tool call all that time; an error it does not
 * recognise (not a `TypeError`, not an HTTP error) it does not retry, and passes up as the
 * `cause` of its own error, so the lookup can serve a held value at once.
 */
export class RateLimitedSignal extends Error {
  override name = "RateLimitedSignal";
  readonly retryAfterMs: number;

  constructor(retryAfterMs: number) {
    super("The WorkOS API is rate limiting this API key");
    this.retryAfterMs = retryAfterMs;
  }
}

/** The signal inside an SDK error: the SDK wraps errors it does not know as the `cause` of an "Unexpected error". */
export function findRateLimitedSignal(error: unknown): RateLimitedSignal | undefined {
  for (let depth = 0; depth < 4 && error instanceof Error; depth++) {
    if (error instanceof RateLimitedSignal) return error;
    error = error.cause;
  }
  return undefined;
}

/**
 * A `fetch` for the WorkOS SDK client the caches use: refuses without a request while `gate` is
 * closed, and turns a 429 into a closed gate and a {@link RateLimitedSignal}. Other answers pass
 * through untouched, so the SDK's own retries still cover 5xx and network errors.
 *
 * @example
 * new WorkOS(apiKey, { fetchFn: gatedFetch(gate) });
 */
export function gatedFetch(gate: RateLimitGate, fetchFn: typeof fetch = globalThis.fetch): typeof fetch {
  return async (input, init) => {
    const waitMs = gate.waitMs();
    if (waitMs > 0) throw new RateLimitedSignal(waitMs);
    const response = await fetchFn(input, init);
    if (response.status !== 429) return response;
    const retryAfterMs = parseRetryAfterMs(response.headers.get("retry-after"));
    gate.close(retryAfterMs);
    await response.body?.cancel();
    throw new RateLimitedSignal(retryAfterMs);
  };
}

/** RFC 9110 §10.2.3: delay-seconds or an HTTP-date. */
export function parseRetryAfterMs(value: string | null, nowMs = Date.now()): number {
  const trimmed = value?.trim() ?? "";
  let ms = DEFAULT_RETRY_AFTER_MS;
  if (/^\d+$/.test(trimmed)) ms = Number(trimmed) * 1000;
  else if (trimmed !== "" && !Number.isNaN(Date.parse(trimmed))) ms = Math.max(0, Date.parse(trimmed) - nowMs);
  return Math.min(ms, MAX_RETRY_AFTER_MS);
}
