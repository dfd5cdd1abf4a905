import { importJWK, type JWK } from "jose";
import type { SigningKeyRecord } from "../store/types.js";

/** Imported keys by kid: importing a JWK costs more than signing, and kids are never reused. */
type SigningKeyMaterial = Awaited<ReturnType<typeof importJWK>>;

const imported = new Map<string, Promise<SigningKeyMaterial>>();

/**
 * The private key of a stored signing key, imported once per process.
 *
 * @example
 * const privateKey = await importSigningKey(await ensureSigningKey(ctx));
 */
export function importSigningKey(key: SigningKeyRecord): Promise<SigningKeyMaterial> {
  let material = imported.get(key.kid);
  if (!material) {
    material = importJWK(key.privateJwk as JWK, "RS256");
    imported.set(key.kid, material);
  }
  return material;
}
