/**
 * "N requests per W seconds", held exactly: the times of the last N admitted requests sit in a
 * ring buffer, and a request is admitted only if the oldest of them has left the window. So no
 * window of W seconds, wherever it starts, ever holds more than N requests (a fixed window would
 * let 2N through across a boundary), and a refusal knows exactly when the next slot frees.
 * Refused requests are not recorded: a client that keeps retrying does not push its own
 * recovery further away.
 *
 * @example
 * const log = new SlidingWindowLog(1_000, 10_000);
 * if (log.waitMs(now) === 0) log.record(now);
 */
export class SlidingWindowLog {
  readonly #times: Float64Array;
  readonly #windowMs: number;
  #next = 0;
  #count = 0;

  constructor(limit: number, windowMs: number) {
    this.#times = new Float64Array(limit);
    this.#windowMs = windowMs;
  }

  /** Milliseconds until a request may be admitted; 0 when one may be now. */
  waitMs(nowMs: number): number {
    if (this.#count < this.#times.length) return 0;
    // When full, #next points at the oldest admitted request.
    return Math.max(0, this.#times[this.#next]! + this.#windowMs - nowMs);
  }

  /** Count a request admitted at `nowMs` (after `waitMs` said 0). */
  record(nowMs: number): void {
    if (this.#count < this.#times.length) this.#count++;
    this.#times[this.#next] = nowMs;
    this.#next = (this.#next + 1) % this.#times.length;
  }
}
