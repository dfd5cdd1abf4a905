/**
 * Extracts the token from an `Authorization` header value (RFC 6750 §2.1). Returns `undefined`
 * for anything that is not exactly one well-formed Bearer credential, so every such request gets
 * the same 401 challenge that tells an MCP client where to sign in.
 *
 * The scheme is case-insensitive (RFC 9110 §11.1); the token must match the b64token grammar.
 * Several Authorization headers are refused rather than guessing which one was meant.
 */
export function readBearerToken(header: string | readonly string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== "string") {
    if (header.length !== 1) return undefined;
    header = header[0]!;
  }
  const match = bearerPattern.exec(header);
  return match?.[1];
}

// RFC 6750 §2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
// Bounded so a 100 KB header is rejected by the regex engine in linear time, not parsed as a JWT.
const bearerPattern = /^Bearer +([A-Za-z0-9\-._~+/]{1,16384}=*) *$/i;
