import { createHash, randomBytes } from "node:crypto";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * A WorkOS-looking identifier (`client_01J...`, `session_01J...`): prefix + 26 Crockford base32
 * characters, like the ULIDs WorkOS uses, so code that pattern-matches ids works against both.
 *
 * @example
 * createPrefixedId("session"); // "session_01HV3..."
 */
export function createPrefixedId(prefix: string): string {
  const bytes = randomBytes(26);
  let body = "01";
  for (let i = 2; i < 26; i += 1) body += CROCKFORD[(bytes[i] ?? 0) % 32];
  return `${prefix}_${body}`;
}

/** An unguessable bearer secret (authorization codes, refresh tokens, client secrets): 256 bits. */
export function createSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** How bearer secrets are stored: RefreshTokenRecord.hash is sha256, base64url. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("base64url");
}
