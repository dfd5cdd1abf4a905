import { jwtVerify, type FlattenedJWSInput, type JWSHeaderParameters, type JWTPayload, type ProtectedHeaderParameters } from "jose";

/** What a {@link JwtVerifier} checks besides the signature. */
export interface JwtClaimsCheck {
  issuer: string;
  audiences: string[];
  clockToleranceSeconds: number;
}

/** How a verifier obtains the key a token names: jose's key-set function shape. */
export type KeyResolver = (header: JWSHeaderParameters, token: FlattenedJWSInput) => Promise<CryptoKey>;

export interface VerifiedJwt {
  payload: JWTPayload;
  protectedHeader: ProtectedHeaderParameters;
}

/**
 * Checks an RS256 JWT's header, signature and registered claims (`iss`, `aud`, `exp`, `nbf`,
 * `sub`, `exp` and `jti` present), throwing jose's errors. Two implementations with one contract:
 * {@link webCryptoJwtVerifier} runs anywhere WebCrypto exists (Workers, browsers, Deno, Node);
 * `nodeJwtVerifier` is cheaper on Node. The contract is held by one test run against both.
 */
export type JwtVerifier = (token: string, getKey: KeyResolver, check: JwtClaimsCheck) => Promise<VerifiedJwt>;

/**
 * jose's `jwtVerify`, all of it: the header, the signature through `crypto.subtle`, the claims.
 * RS256 only: AuthKit signs with RSA, and pinning the algorithm shuts out `alg: none` and the
 * HS256-with-the-public-key confusion.
 */
export const webCryptoJwtVerifier: JwtVerifier = (token, getKey, check) =>
  jwtVerify(token, getKey, {
    issuer: check.issuer,
    audience: check.audiences,
    algorithms: ["RS256"],
    clockTolerance: check.clockToleranceSeconds,
    requiredClaims: REQUIRED_CLAIMS,
  });

/**
 * `jti` is required: AuthKit's references list it in every access token (authorization code,
 * client credentials, session) and in none of its ID tokens, which otherwise look alike (`iss`,
 * `sub`, `aud` the client id, `exp`, `iat`, and a nonce only when the client sent one). `sid` is
 * not: machine-to-machine tokens carry none.
 */
export const REQUIRED_CLAIMS = ["exp", "sub", "jti"];
