import { createHash, timingSafeEqual } from "node:crypto";

const sha256 = (value: string) => createHash("sha256").update(value).digest();

/**
 * Compares a presented secret (API key, client secret, password, magic code, PKCE challenge)
 * with the expected one in constant time. Both sides are hashed first: the digests always have
 * the same length, so neither an early length check nor `timingSafeEqual` leaks the secret's length.
 *
 * @example
 * if (!constantTimeEqual(presentedKey, ctx.state.environment.api_key)) throw unauthorized;
 */
export function constantTimeEqual(presented: string, expected: string): boolean {
  return timingSafeEqual(sha256(presented), sha256(expected));
}
