import { randomBytes } from "node:crypto";
import { exportJWK, generateKeyPair } from "jose";
import type { SigningKeyRecord } from "../store/types.js";

/**
 * Creates a fresh RS256 key pair as JWKs ready to be stored in `state.keys`.
 * AuthKit signs access tokens with RS256 and publishes `kid`, `alg` and `use` in its JWKS,
 * so verifiers that pick keys by `kid` (jose's `createRemoteJWKSet`) behave the same here.
 *
 * @example
 * const key = await generateSigningKey(ctx.now());
 */
export async function generateSigningKey(now: number): Promise<SigningKeyRecord> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = `key_${randomBytes(16).toString("base64url")}`;
  const marks = { kid, alg: "RS256", use: "sig" };
  return {
    kid,
    privateJwk: { ...(await exportJWK(privateKey)), ...marks },
    publicJwk: { ...(await exportJWK(publicKey)), ...marks },
    created_at: now,
    retired_at: null,
  };
}
