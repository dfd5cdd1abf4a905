import type { RequestHandler } from "express";
import { ApiError } from "../http/api-error.js";
import type { ServedHosts } from "../http/served-hosts.js";

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Fetch Metadata (W3C): `same-origin` is the emulator itself, `none` a typed URL or a tool. */
const TRUSTED_FETCH_SITES = new Set(["same-origin", "none"]);

function isCrossSite(req: Parameters<RequestHandler>[0], servedHosts: ServedHosts): boolean {
  const site = req.headers["sec-fetch-site"];
  if (site !== undefined && !TRUSTED_FETCH_SITES.has(site)) return true;
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  // `Origin: null` (sandboxed frames, file: pages) is never the emulator's own page.
  return !URL.canParse(origin) || !servedHosts.allows(new URL(origin).host);
}

/**
 * Guards every state-changing admin route against cross-site request forgery. The admin API has
 * no authentication, so any web page could otherwise post an HTML form to it (make a user admin,
 * rotate keys, reset). A request a browser sends for another site is refused with 403; a body
 * must be JSON (415 otherwise), which a form cannot send and a cross-origin `fetch` cannot send
 * without a CORS preflight the emulator never grants. A POST without a body (`reset`, key
 * rotation) needs no content type.
 *
 * @example
 * router.use("/_emulator", refuseCrossSiteWrites(ctx.servedHosts));
 */
export function refuseCrossSiteWrites(servedHosts: ServedHosts): RequestHandler {
  return (req, _res, next) => {
    if (READ_METHODS.has(req.method)) {
      next();
      return;
    }
    if (isCrossSite(req, servedHosts)) {
      next(new ApiError("cross_site_request", "The admin API does not accept requests from other sites."));
      return;
    }
    const contentType = req.headers["content-type"];
    const hasBody = contentType !== undefined || req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
    if (hasBody && !req.is("application/json")) {
      next(new ApiError("unsupported_media_type", "The admin API takes application/json request bodies only."));
      return;
    }
    next();
  };
}
