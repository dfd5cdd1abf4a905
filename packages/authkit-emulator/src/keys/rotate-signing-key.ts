import type { EmulatorContext } from "../context.js";
import { listSigningKeys, rotateSigningKeys } from "../store/signing-keys.js";
import { generateSigningKey } from "./generate-signing-key.js";
import { isStillPublished } from "./published-signing-keys.js";

export interface SigningKeyRotation {
  /** The key that signs every token from now on. */
  kid: string;
  /** Every key still in the JWKS (the new one and retired keys whose tokens may still be valid). */
  publishedKids: string[];
}

/**
 * Publishes a new signing key and retires the current one. The retired key stays in the JWKS
 * until `accessTokenTtl` (+ a grace margin) has passed, because tokens it signed are still valid
 * until then; keys past that point are dropped.
 *
 * @example
 * const { kid } = await rotateSigningKey(ctx); // e.g. from POST /_emulator/keys/rotate
 */
export async function rotateSigningKey(ctx: EmulatorContext): Promise<SigningKeyRotation> {
  const key = await generateSigningKey(ctx.now());
  rotateSigningKeys(ctx, key, (existing) => isStillPublished(ctx, existing));
  ctx.logger.info(`Rotated signing key: ${key.kid} now signs new tokens.`);
  return { kid: key.kid, publishedKids: listSigningKeys(ctx).map((existing) => existing.kid) };
}
