import { createHash, randomBytes } from "node:crypto";

/** An unguessable bearer secret (authorization codes, refresh tokens, client secrets): 256 bits. */
export function createSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** How bearer secrets are stored: RefreshTokenRecord.hash is sha256, base64url. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("base64url");
}
