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
