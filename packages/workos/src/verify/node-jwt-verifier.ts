import { KeyObject, verify } from "node:crypto";
import { decodeProtectedHeader, errors, UnsecuredJWT } from "jose";
import { REQUIRED_CLAIMS, type JwtVerifier } from "./jwt-verifier.js";

/**
 * The {@link JwtVerifier} for Node. jose parses the header, picks and imports the key (through
 * the key set) and validates the claims; Node's `crypto.verify` checks the signature with that
 * same key, synchronously.
 *
 * Why not `jwtVerify` as on the web: Node runs `crypto.subtle.verify` as a job on libuv's thread
 * pool, and a server that owns one core (a container, a serverless instance, the benchmark's
 * pinned server) pays two context switches and the WebCrypto argument checks around a
 * 30 µs RSA check. Measured on the benchmark's server under cache misses, that job was the
 * largest single cost of a miss; `bench/README.md` has the figures.
 *
 * The header checks are jose's own for a compact JWS with `algorithms: ["RS256"]`, made
 * stricter where AuthKit never needs more: three segments; a JSON object header (jose's
 * `decodeProtectedHeader`); no `crit` at all (RFC 7515 §4.1.11: a recipient that understands no
 * extension must refuse any listed one; jose understands only `b64`, which a JWT must not use);
 * `alg` exactly `RS256`. The key must be the RSASSA-PKCS1-v1_5 SHA-256 public key jose imported
 * for RS256, 2048 bits or more. The claims go through jose's `UnsecuredJWT.decode`, which runs
 * the claim-set validation `jwtVerify` runs, on the payload whose signature was just checked.
 */
export const nodeJwtVerifier: JwtVerifier = async (token, getKey, check) => {
  const { 0: encodedHeader, 1: encodedPayload, 2: encodedSignature, length } = token.split(".");
  if (length !== 3) throw new errors.JWSInvalid("Invalid Compact JWS");
  let protectedHeader;
  try {
    protectedHeader = decodeProtectedHeader(token);
  } catch (cause) {
    throw new errors.JWSInvalid("JWS Protected Header is invalid", { cause });
  }
  if (protectedHeader.crit !== undefined) throw new errors.JOSENotSupported('"crit" (Critical) Header Parameter is not supported');
  if (protectedHeader.alg !== "RS256") throw new errors.JOSEAlgNotAllowed('"alg" (Algorithm) Header Parameter value not allowed');

  const key = await getKey(protectedHeader, { protected: encodedHeader!, payload: encodedPayload!, signature: encodedSignature! });
  const signingInput = Buffer.from(token.slice(0, encodedHeader!.length + 1 + encodedPayload!.length), "latin1");
  if (!verify("sha256", signingInput, rs256PublicKey(key), Buffer.from(encodedSignature!, "base64url"))) {
    throw new errors.JWSSignatureVerificationFailed();
  }

  const { payload } = UnsecuredJWT.decode(`${UNSECURED_HEADER}.${encodedPayload}.`, {
    issuer: check.issuer,
    audience: check.audiences,
    clockTolerance: check.clockToleranceSeconds,
    requiredClaims: REQUIRED_CLAIMS,
  });
  return { payload, protectedHeader };
};

/** `{"alg":"none"}`: the header UnsecuredJWT.decode requires. */
const UNSECURED_HEADER = "eyJhbGciOiJub25lIn0";

/** One KeyObject per imported key, made once: key sets are imported once per fetch, so this stays small. */
const keyObjects = new WeakMap<CryptoKey, KeyObject>();

/** The checks jose makes on a verification key for RS256, then Node's handle on the same key. */
function rs256PublicKey(key: CryptoKey): KeyObject {
  let keyObject = keyObjects.get(key);
  if (keyObject) return keyObject;
  const algorithm = key.algorithm as RsaHashedKeyAlgorithm;
  if (
    key.type !== "public" ||
    !key.usages.includes("verify") ||
    algorithm.name !== "RSASSA-PKCS1-v1_5" ||
    algorithm.hash?.name !== "SHA-256" ||
    !(algorithm.modulusLength >= 2048)
  ) {
    throw new TypeError("RS256 requires an RSASSA-PKCS1-v1_5 SHA-256 public key of 2048 bits or more, for verify");
  }
  keyObject = KeyObject.from(key);
  keyObjects.set(key, keyObject);
  return keyObject;
}
