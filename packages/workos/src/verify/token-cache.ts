/**
 * `node:crypto` through `process.getBuiltinModule` rather than an import: Node 22 and Cloudflare
 * Workers under `nodejs_compat` both provide it at run time, but a Workers bundler (xmcp's
 * `--cf` build) cannot resolve a static `node:crypto` import. Web Crypto's digest is async only.
 */
const nodeCrypto = process.getBuiltinModule("node:crypto");

/**
 * SHA-256 of the token, base64url. Node's one-shot `crypto.hash` (Node 21.7+) skips the `Hash`
 * stream object `createHash` builds for every call; in a CPU profile of the benchmark's server
 * that object's construction, `update` and `digest` were the plugin's largest frames on a cache
 * hit. Runtimes without it (workerd's `nodejs_compat`) keep `createHash`.
 */
const sha256 = (nodeCrypto.hash as typeof nodeCrypto.hash | undefined)
  ? (token: string) => nodeCrypto.hash("sha256", token, "base64url")
  : (token: string) => nodeCrypto.createHash("sha256").update(token).digest("base64url");

/**
 * Verified tokens by SHA-256 of the token, so a client repeating its token (every MCP request
 * does) costs a hash and a map lookup instead of an RSA verification. The token itself is not
 * kept. Entries leave at the time their writer gives (the token's `exp`, sooner for a long-lived
 * token) or when the map is full, least recently used first.
 */
export class VerifiedTokenCache<T> {
  readonly #entries = new Map<string, { value: T; expiresAtMs: number }>();
  readonly #maxEntries: number;

  constructor(maxEntries: number) {
    this.#maxEntries = maxEntries;
  }

  static keyOf(token: string): string {
    return sha256(token);
  }

  get(key: string, nowMs: number): T | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (entry.expiresAtMs <= nowMs) return undefined;
    this.#entries.set(key, entry); // most recently used goes last
    return entry.value;
  }

  set(key: string, value: T, expiresAtMs: number): void {
    this.#entries.delete(key);
    if (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, { value, expiresAtMs });
  }

  get size(): number {
    return this.#entries.size;
  }
}
