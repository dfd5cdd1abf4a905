import type { JWTPayload, ProtectedHeaderParameters } from "jose";

/**
 * AuthKit signs ID tokens, logout tokens and security event tokens with the same key as access
 * tokens. RFC 8725 §3.11 and RFC 9068 §2.1: a JWT of another kind must never be accepted as an
 * access token, so `typ` is either absent, `JWT` or `at+jwt`. Media type names compare without
 * regard to case and may omit `application/` (RFC 7515 §4.1.9).
 *
 * Tokens that carry a claim only other kinds of token have are refused too, whatever their `typ`
 * says: an issuer that leaves `typ` at `JWT` for every kind of token would otherwise let one stand
 * in for another. An OpenID Connect ID token has `nonce` only when the client sent one (OIDC Core
 * §3.1.2.1), but its hashes of the token, code or state that came with it (`at_hash`, `c_hash`,
 * `s_hash`, §3.1.3.6, §3.3.2.11, FAPI) never appear in an access token; `events` marks an RFC 8417
 * security event token. (`auth_time` does not: RFC 9068 §2.2.1 allows it in access tokens.)
 */
export function isAccessTokenShape(header: ProtectedHeaderParameters, payload: JWTPayload): boolean {
  if (header.typ !== undefined && !acceptedTypes.has(mediaType(header.typ))) return false;
  for (const claim of otherTokensClaims) if (Object.hasOwn(payload, claim)) return false;
  return true;
}

const otherTokensClaims = ["nonce", "at_hash", "c_hash", "s_hash", "events"];

const acceptedTypes = new Set(["jwt", "at+jwt"]);

function mediaType(typ: unknown): string {
  if (typeof typ !== "string") return "";
  const lower = typ.toLowerCase();
  return lower.startsWith("application/") ? lower.slice("application/".length) : lower;
}
