import type { JWTPayload, ProtectedHeaderParameters } from "jose";

/**
 * AuthKit signs ID tokens, logout tokens and security event tokens with the same key as access
 * tokens. RFC 8725 §3.11 and RFC 9068 §2.1: a JWT of another kind must never be accepted as an
 * access token, so `typ` is either absent, `JWT` or `at+jwt`. Media type names compare without
 * regard to case and may omit `application/` (RFC 7515 §4.1.9).
 *
 * Tokens that carry `nonce` (an OpenID Connect ID token) or `events` (an RFC 8417 security event
 * token) are refused too, whatever their `typ` says: an issuer that leaves `typ` at `JWT` for
 * every kind of token would otherwise let one stand in for another.
 */
export function isAccessTokenShape(header: ProtectedHeaderParameters, payload: JWTPayload): boolean {
  if (header.typ !== undefined && !acceptedTypes.has(mediaType(header.typ))) return false;
  return !Object.hasOwn(payload, "nonce") && !Object.hasOwn(payload, "events");
}

const acceptedTypes = new Set(["jwt", "at+jwt"]);

function mediaType(typ: unknown): string {
  if (typeof typ !== "string") return "";
  const lower = typ.toLowerCase();
  return lower.startsWith("application/") ? lower.slice("application/".length) : lower;
}
