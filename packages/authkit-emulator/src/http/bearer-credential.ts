/** RFC 7235 §2.1: the auth scheme is case-insensitive; the credential is one token after whitespace. */
const BEARER_SCHEME = /^Bearer(?:\s|$)/i;
const BEARER_CREDENTIAL = /^Bearer\s+(\S+)\s*$/i;

/**
 * Reads an `Authorization: Bearer <credential>` header (the WorkOS API key). Returns undefined
 * when the header does not use the Bearer scheme, and `{ credential: undefined }` when it does
 * but carries no single credential, so a caller can tell "not Bearer" from "bad Bearer".
 *
 * @example
 * const apiKey = readBearerCredential(req.get("authorization"))?.credential;
 */
export function readBearerCredential(header: string | undefined): { credential: string | undefined } | undefined {
  if (header === undefined || !BEARER_SCHEME.test(header)) return undefined;
  return { credential: BEARER_CREDENTIAL.exec(header)?.[1] };
}
