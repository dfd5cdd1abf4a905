/**
 * Every `Authorization` header of a Node request, read from `rawHeaders` (names and values as
 * received, alternating): undefined, the one value, or all of them when a client sent several,
 * which the guard refuses (RFC 6750 §2.1: one credential). `headersDistinct` gives the same
 * answer but builds a copy of every header on first use; a cache hit reads only this one.
 */
export function authorizationHeaders(rawHeaders: readonly string[]): string | string[] | undefined {
  let found: string | string[] | undefined;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    if (name.length !== AUTHORIZATION.length || name.toLowerCase() !== AUTHORIZATION) continue;
    const value = rawHeaders[i + 1]!;
    found = found === undefined ? value : typeof found === "string" ? [found, value] : [...found, value];
  }
  return found;
}

const AUTHORIZATION = "authorization";
