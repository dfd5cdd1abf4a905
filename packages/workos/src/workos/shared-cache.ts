import type { Logger } from "../logger.js";

/**
 * The part of an [unstorage](https://unstorage.unjs.io) `Storage` the plugin uses, so any
 * unstorage driver fits: `redis` (Redis, Valkey), `cloudflare-kv-binding`, `upstash`,
 * `vercel-kv`. Declared here rather than imported so the plugin has no runtime dependency on it.
 */
export interface SharedCacheStore {
  getItem(key: string): Promise<unknown>;
  /** `ttl` in seconds: the driver expires the item (Redis `EX`, KV `expirationTtl`). */
  setItem(key: string, value: SharedCacheItem, options: { ttl: number }): Promise<void>;
}

/** What is written: the value as the WorkOS API returned it and the moment it stops being fresh. */
export interface SharedCacheItem {
  value: unknown;
  /** Epoch milliseconds: every instance reading the item shares this expiry, not its own TTL. */
  expiresAt: number;
}

/** After a failure the store is left alone this long, so an outage costs one timeout, not one per lookup. */
const RETRY_AFTER_FAILURE_MS = 30_000;

/**
 * The shared tier behind the per-process caches: reads and writes bounded by `timeoutMs`, and
 * an outage that degrades to the per-process caches with one warning (and one info line when the
 * store answers again), never a failed lookup. Keys are namespaced by the environment's client
 * id; values are what the WorkOS API returned (users, role slugs, role permissions), never a
 * token or a claim.
 */
export class SharedCache {
  readonly #store: SharedCacheStore;
  readonly #namespace: string;
  readonly #timeoutMs: number;
  readonly #logger: Logger;
  readonly #onRead: (result: "hit" | "miss" | "error") => void;
  #skipUntilMs = 0;
  #warned = false;

  constructor(options: {
    store: SharedCacheStore;
    clientId: string;
    timeoutMs: number;
    logger: Logger;
    onRead?: (result: "hit" | "miss" | "error") => void;
  }) {
    this.#store = options.store;
    this.#namespace = `xmcp-workos:v1:${encodeURIComponent(options.clientId)}`;
    this.#timeoutMs = options.timeoutMs;
    this.#logger = options.logger;
    this.#onRead = options.onRead ?? (() => {});
  }

  /** `kind` and `parts` build the key; parts are ids (user, organization), each escaped. */
  key(kind: string, ...parts: string[]): string {
    return [this.#namespace, kind, ...parts.map(encodeURIComponent)].join(":");
  }

  /** The item, or `undefined` when absent, malformed, or the store is unavailable. */
  async read(key: string): Promise<SharedCacheItem | undefined> {
    if (Date.now() < this.#skipUntilMs) return undefined;
    let item: unknown;
    try {
      item = await this.#bounded(this.#store.getItem(key));
    } catch (error) {
      this.#onRead("error");
      this.#failed(error);
      return undefined;
    }
    this.#recovered();
    const found = isItem(item) ? item : undefined;
    this.#onRead(found ? "hit" : "miss");
    return found;
  }

  /**
   * Resolves once the item is written, so the caller's next request, on any instance, finds it;
   * never rejects, and never waits past `timeoutMs` (a failing store degrades like a failed read).
   */
  async write(key: string, item: SharedCacheItem, keepSeconds: number): Promise<void> {
    if (Date.now() < this.#skipUntilMs) return;
    try {
      await this.#bounded(this.#store.setItem(key, item, { ttl: Math.max(1, Math.ceil(keepSeconds)) }));
      this.#recovered();
    } catch (error) {
      this.#failed(error);
    }
  }

  #bounded<T>(operation: Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SharedCacheTimeout(this.#timeoutMs)), this.#timeoutMs);
    });
    // A store call that settles after the timeout must not become an unhandled rejection.
    operation.catch(() => {});
    return Promise.race([operation, timeout]).finally(() => clearTimeout(timer));
  }

  #failed(error: unknown): void {
    this.#skipUntilMs = Date.now() + RETRY_AFTER_FAILURE_MS;
    if (this.#warned) return;
    this.#warned = true;
    // Name and code only: a driver's message may carry a connection string.
    const code = (error as { code?: unknown } | null)?.code;
    this.#logger.warn("[WorkOS] Shared cache store unavailable; using the per-process cache until it answers again", {
      error: error instanceof Error ? error.name : typeof error,
      ...(typeof code === "string" ? { code } : {}),
      retryInSeconds: RETRY_AFTER_FAILURE_MS / 1000,
    });
  }

  #recovered(): void {
    if (!this.#warned) return;
    this.#warned = false;
    this.#logger.info("[WorkOS] Shared cache store answers again");
  }
}

class SharedCacheTimeout extends Error {
  override name = "SharedCacheTimeout";
  readonly code = "timeout";

  constructor(timeoutMs: number) {
    super(`No answer from the shared cache store within ${timeoutMs} ms`);
  }
}

function isItem(value: unknown): value is SharedCacheItem {
  return (
    typeof value === "object" &&
    value !== null &&
    "value" in value &&
    "expiresAt" in value &&
    typeof value.expiresAt === "number" &&
    Number.isFinite(value.expiresAt)
  );
}
