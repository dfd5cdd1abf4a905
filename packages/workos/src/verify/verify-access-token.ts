import { errors } from "jose";
import { WorkOSAuthError } from "../errors.js";
import type { JWTClaims } from "../session/claims.js";
import type { JwtClaimsCheck, JwtVerifier, KeyResolver } from "./jwt-verifier.js";
import { isAccessTokenShape } from "./token-type.js";

export interface VerifyOptions extends JwtClaimsCheck {
  /** The key the token names, e.g. a wrapper around a `KeySource`'s `resolveKey`. */
  getKey: KeyResolver;
  /** `webCryptoJwtVerifier` where only WebCrypto exists, `nodeJwtVerifier` on Node. */
  verifier: JwtVerifier;
}

/**
 * Verifies an AuthKit access token and returns its claims, or throws a {@link WorkOSAuthError}.
 *
 * RS256 only (see {@link JwtVerifier}). Only access tokens pass: not an ID token, logout token or
 * security event token signed by the same key. `exp`, `sub` and `jti` are required; `sid` is not,
 * because machine-to-machine tokens carry none.
 *
 * @example
 * const claims = await verifyAccessToken(token, {
 *   issuer, audiences: [resource], clockToleranceSeconds: 30, getKey: async (header, jws) => (await keys.resolveKey(header, jws)).key, verifier: webCryptoJwtVerifier,
 * });
 */
export async function verifyAccessToken(token: string, options: VerifyOptions): Promise<JWTClaims> {
  try {
    if (!hasCanonicalSignature(token)) throw new WorkOSAuthError("invalid_token", "Token verification failed");
    const { payload, protectedHeader } = await options.verifier(token, options.getKey, options);
    if (!isAccessTokenShape(protectedHeader, payload)) throw new WorkOSAuthError("invalid_token", "Token verification failed");
    // jose checks `iat` only against a maximum age; a token minted in the future is as suspect as an `nbf` one.
    if (typeof payload.iat === "number" && payload.iat > Date.now() / 1000 + options.clockToleranceSeconds) {
      throw new WorkOSAuthError("invalid_token", "Token verification failed");
    }
    if (typeof payload.sub !== "string" || payload.sub === "" || typeof payload.jti !== "string" || payload.jti === "") {
      throw new WorkOSAuthError("invalid_token", "Token verification failed");
    }
    return payload as JWTClaims;
  } catch (error) {
    if (error instanceof WorkOSAuthError) throw error;
    if (error instanceof errors.JWTExpired) {
      throw new WorkOSAuthError("token_expired", "Token has expired", { cause: error });
    }
    throw new WorkOSAuthError("invalid_token", "Token verification failed", { cause: error });
  }
}

/**
 * RFC 7515 §2 encodes the signature as unpadded base64url (RFC 4648 §5). jose decodes it with
 * `atob`, which also takes `==` padding and non-zero unused trailing bits, so one signature has
 * several spellings that all verify: a token changed in transit would still be accepted, and each
 * spelling would take its own verified-token cache entry. Only the canonical spelling passes.
 */
function hasCanonicalSignature(token: string): boolean {
  const signature = token.slice(token.lastIndexOf(".") + 1);
  if (!/^[A-Za-z0-9_-]*$/.test(signature)) return false;
  const leftover = signature.length % 4;
  if (leftover === 0) return true;
  if (leftover === 1) return false; // six bits cannot end a byte
  // The last character carries 4 (two left over) or 2 (three left over) bits beyond the final byte; they must be zero.
  const unusedBits = leftover === 2 ? 4 : 2;
  return (base64url.indexOf(signature.at(-1)!) & ((1 << unusedBits) - 1)) === 0;
}

const base64url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
