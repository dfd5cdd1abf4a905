/**
 * CORS preflights carry no credentials by design (Fetch standard §3.2.2), so the server answers
 * them unauthenticated. A preflight is an OPTIONS request that names `Access-Control-Request-Method`;
 * any other OPTIONS request reaches the application like a GET and is authenticated like one.
 *
 * @example
 * if (isCorsPreflight(request.method, request.headers.get("access-control-request-method"))) return next();
 */
export function isCorsPreflight(method: string, accessControlRequestMethod: string | readonly string[] | null | undefined): boolean {
  return method.toUpperCase() === "OPTIONS" && accessControlRequestMethod !== undefined && accessControlRequestMethod !== null;
}
