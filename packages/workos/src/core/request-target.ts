/**
 * The path a Node framework routes on, from the raw request target. A target in absolute form
 * (`POST http://host/mcp`, RFC 9112 §3.2.2) reaches Express's and Fastify's `/mcp` route too, so
 * it must reach the guard as `/mcp`. The authority ends at the first `/`, `?`, `#` or `\`, as
 * Node's `url.parse` (behind Express's `parseurl`) and Fastify's router read it, not as the WHATWG
 * parser does: for `http:///mcp` WHATWG takes `mcp` for the host and `/` for the path, and it
 * refuses `http://x:99999/mcp`, while both routers serve `/mcp`.
 *
 * @example
 * pathnameOf("/mcp?x=1") // "/mcp"
 * pathnameOf("http:///mcp") // "/mcp"
 */
export function pathnameOf(requestTarget: string): string {
  const path = requestTarget.split(/[?#]/, 1)[0]!;
  if (path.startsWith("/")) return path;
  const authority = absoluteForm.exec(path);
  return authority ? path.slice(authority[0].length) || "/" : path;
}

const absoluteForm = /^[a-z][a-z0-9+.-]*:\/\/[^/?#\\]*/i;

/**
 * The other spellings of `pathname` a router may match as another path, for deciding whether a
 * request reaches a protected endpoint: what routers make of the path, since they differ. Node's
 * `url.parse` (Express) trims whitespace at both ends; Fastify's router ends the path at `;` (an
 * option), decodes percent-escapes (`/%6Dcp` is `/mcp`) and, by option, folds duplicate
 * slashes; the WHATWG URL parser (Fetch API runtimes) drops tabs and newlines, reads `\` as `/`
 * and resolves dot segments, `%2e` included. A guard that protects a path when it or any of
 * these readings is under it protects every path these readings turn into it.
 *
 * @example
 * otherReadings("/%6Dcp") // ["/mcp"]
 * otherReadings("/mcp") // [] (the fast path: no allocation for a plain path)
 */
export function otherReadings(pathname: string): readonly string[] {
  if (!needsReading.test(pathname)) return none;
  const trimmed = pathname.replace(edgeWhitespace, "").replace(/[\t\n\r]/g, "");
  // A router's reading: the path ends at `;`, then escapes are decoded and slashes folded.
  const routed = foldSlashes(decodeEscapes(trimmed.split(";", 1)[0]!));
  // WHATWG's: slashes first (so `//mcp` stays a path, not a URL's host), dot segments, escapes.
  let resolved = foldSlashes(trimmed);
  try {
    resolved = new URL(resolved, "http://path.invalid").pathname;
  } catch {
    // keep it as it is
  }
  resolved = foldSlashes(decodeEscapes(resolved)).split(";", 1)[0]!;
  return [...new Set([routed, resolved])].filter((reading) => reading !== pathname);
}

const none: readonly string[] = Object.freeze([]);

/**
 * Anything outside the characters a plain path is made of, a doubled slash, a dot segment's
 * start, or a path that does not start with `/`.
 */
const needsReading = /[^A-Za-z0-9\-._~!$&'()*+,=:@/]|\/\/|\/\.|^[^/]/;

/** What `url.parse` trims from both ends of a URL: C0 controls and space, NBSP, the BOM. */
const edgeWhitespace = /^[\u0000-\u0020\u00a0\ufeff]+|[\u0000-\u0020\u00a0\ufeff]+$/g;

/** `\` read as `/` (as WHATWG does in http URLs), and runs of slashes as one. */
function foldSlashes(path: string): string {
  return path.replace(/[\\/]+/g, "/");
}

/**
 * Percent-escapes decoded; when the path holds a malformed one, every well-formed run still is,
 * as lenient routers do, so `/%6Dcp/%ZZ` reads as `/mcp/%ZZ`.
 */
function decodeEscapes(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}
