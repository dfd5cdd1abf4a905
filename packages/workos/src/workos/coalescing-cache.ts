/**
 * A small TTL cache for WorkOS API lookups: concurrent misses for one key share a single
 * in-flight request, and only successes are cached, so a failing API is asked again on the next
 * call instead of having its error replayed for a whole TTL.
 */
export class CoalescingCache<T> {
  readonly #values = new Map<string, { value: T; expiresAtMs: number }>();
  readonly #inFlight = new Map<string, Promise<T>>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;

  constructor(options: { ttlMs: number; maxEntries: number }) {
    this.#ttlMs = options.ttlMs;
    this.#maxEntries = options.maxEntries;
  }

  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.#values.get(key);
    if (hit && hit.expiresAtMs > Date.now()) return Promise.resolve(hit.value);
    const pending = this.#inFlight.get(key);
    if (pending) return pending;

    const request = load().then(
      (value) => {
        this.#inFlight.delete(key);
        this.#store(key, value);
        return value;
      },
      (error: unknown) => {
        this.#inFlight.delete(key);
        throw error;
      },
    );
    this.#inFlight.set(key, request);
    return request;
  }

  delete(key: string): void {
    this.#values.delete(key);
  }

  #store(key: string, value: T): void {
    if (this.#ttlMs === 0) return;
    this.#values.delete(key);
    if (this.#values.size >= this.#maxEntries) {
      const oldest = this.#values.keys().next();
      if (!oldest.done) this.#values.delete(oldest.value);
    }
    this.#values.set(key, { value, expiresAtMs: Date.now() + this.#ttlMs });
  }
}
