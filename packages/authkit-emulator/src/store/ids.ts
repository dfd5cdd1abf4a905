import { createHash, randomBytes } from "node:crypto";

/** Crockford base32, the alphabet ULIDs (and so WorkOS ids) use. */
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

function encodeTime(ms: number): string {
  let out = "";
  let rest = ms;
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function encodeRandom(length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const byte of bytes) out += CROCKFORD[byte % 32];
  return out;
}

/**
 * A WorkOS-style identifier: `<prefix>_` followed by a 26-character ULID
 * (10 time characters, which start with `01` in this century, then 16 random ones).
 * Code that parses ids by shape (e.g. `user_01...`) accepts these as it accepts real ones.
 *
 * @example
 * newId("user"); // "user_01JZ3K8Q2X..."
 */
export function newId(prefix: string, now: number = Date.now()): string {
  return `${prefix}_${encodeTime(now)}${encodeRandom(16)}`;
}

/**
 * A WorkOS-style id that is the same on every start for the same `key`: for records a seed
 * leaves without an id (roles, permissions), so clients holding the id keep finding them.
 *
 * @example
 * stableId("role", "admin"); // "role_01..." (always the same)
 */
export function stableId(prefix: string, key: string): string {
  const digest = createHash("sha256").update(`${prefix}:${key}`).digest();
  let out = "01";
  for (let i = 0; i < 24; i++) out += CROCKFORD[(digest[i] ?? 0) % 32];
  return `${prefix}_${out}`;
}
