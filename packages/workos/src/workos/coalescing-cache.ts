/**
 * A value and how long it may be used: as is until `freshUntilMs`, and after that, only while
 * the WorkOS API is rate limiting, until `staleUntilMs`.
 */
export interface CacheEntry<T> {
  value: T;
  freshUntilMs: number;
  staleUntilMs: number;
}

/**
 * The per-process cache in front of every WorkOS lookup: a fresh entry answers at once,
 * concurrent misses for one key share a single load, and only what a load returns is kept, so a
 * failing API is asked again on the next call instead of having its error replayed for a TTL.
 * An entry past its freshness stays held until `staleUntilMs` and is handed to the next load,
 * which may serve it again while the API is throttled.
 */
export class CoalescingCache<T> {
  readonly #entries = new Map<string, CacheEntry<T>>();
  readonly #inFlight = new Map<string, Promise<T>>();
  readonly #maxEntries: number;
  readonly #onLookup: (hit: boolean) => void;

  constructor(options: { maxEntries: number; onLookup?: (hit: boolean) => void }) {
    this.#maxEntries = options.maxEntries;
    this.#onLookup = options.onLookup ?? (() => {});
  }

  /**
   * @param load gets the entry held for `key` (fresh or not, while still within `staleUntilMs`)
   *   and resolves to the entry to keep.
   */
  get(key: string, load: (held: CacheEntry<T> | undefined) => Promise<CacheEntry<T>>): Promise<T> {
    const now = Date.now();
    const held = this.#entries.get(key);
    if (held && held.freshUntilMs > now) {
      this.#onLookup(true);
      return Promise.resolve(held.value);
    }
    const pending = this.#inFlight.get(key);
    if (pending) {
      this.#onLookup(true);
      return pending;
    }
    this.#onLookup(false);
    const usable = held && held.staleUntilMs > now ? held : undefined;
    if (held && !usable) this.#entries.delete(key);

    const request = load(usable).then(
      (entry) => {
        this.#inFlight.delete(key);
        this.#keep(key, entry);
        return entry.value;
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
    this.#entries.delete(key);
  }

  #keep(key: string, entry: CacheEntry<T>): void {
    this.#entries.delete(key);
    if (entry.staleUntilMs <= Date.now()) return;
    if (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, entry);
  }
}
