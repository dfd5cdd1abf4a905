import type { RequestHandler } from "express";
import { ApiError } from "../http/api-error.js";
import { isCrossSiteRequest } from "../http/cross-site-request.js";
import type { ServedHosts } from "../http/served-hosts.js";

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

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
    if (isCrossSiteRequest(req.headers, servedHosts)) {
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
