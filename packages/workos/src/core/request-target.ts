/**
 * The path a Node framework routes on, from the raw request target. A target in absolute form
 * (`POST http://host/mcp`, RFC 9112 §3.2.2) reaches Express's and Fastify's `/mcp` route too, so
 * it must reach the guard as `/mcp`.
 *
 * @example
 * pathnameOf("/mcp?x=1") // "/mcp"
 */
export function pathnameOf(requestTarget: string): string {
  const path = requestTarget.split(/[?#]/, 1)[0]!;
  if (path.startsWith("/")) return path;
  try {
    return new URL(requestTarget).pathname;
  } catch {
    return path;
  }
}

/**
 * The spellings of `pathname` a router may match as another path, for deciding whether a request
 * reaches a protected endpoint: the path as given, and the path routers make of it. Routers differ:
 * Fastify's decodes percent-escapes before matching (`/%6Dcp` is `/mcp`) and, by option, folds
 * duplicate slashes and ends the path at `;`; the WHATWG URL parser (Fetch API runtimes) resolves
 * dot segments, `%2e` included. A guard that protects a path when either spelling is under it
 * protects at least the path as given, and every path these rewrites turn into it.
 *
 * @example
 * routedSpellings("/%6Dcp;x") // ["/%6Dcp;x", "/mcp"]
 */
export function routedSpellings(pathname: string): readonly [string] | readonly [string, string] {
  // The fast path: nothing a router would rewrite, which is every request of a well-behaved client.
  if (!needsCanonicalForm.test(pathname)) return [pathname];
  // Slashes first, so that `//mcp` stays a path and is not read as a URL's host below.
  let path = foldSlashes(pathname);
  try {
    path = new URL(path, "http://path.invalid").pathname; // dot segments, as WHATWG resolves them
  } catch {
    // keep it as it is
  }
  try {
    path = decodeURIComponent(path);
  } catch {
    // a malformed escape: routers refuse it or match it as written
  }
  path = foldSlashes(path).split(";", 1)[0]!;
  return path === pathname ? [pathname] : [pathname, path];
}

const needsCanonicalForm = /%|;|\/\/|\/\.|\\/;

/** `\` read as `/` (as WHATWG does in http URLs), and runs of slashes as one. */
function foldSlashes(path: string): string {
  return path.replace(/[\\/]+/g, "/");
}
