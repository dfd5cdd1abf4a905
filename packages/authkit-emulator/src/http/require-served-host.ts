import type { RequestHandler } from "express";
import { ApiError } from "./api-error.js";
import type { ServedHosts } from "./served-hosts.js";

/**
 * First in the chain: a request whose `Host` is not one this emulator serves is answered 421
 * (RFC 9110 §15.5.20) before any route runs. That is what a DNS-rebinding page sends, with its
 * own name in `Host`; tunnels and proxies are admitted through `allowedHosts`.
 *
 * @example
 * app.use(requireServedHost(ctx.servedHosts));
 */
export function requireServedHost(servedHosts: ServedHosts): RequestHandler {
  return (req, _res, next) => {
    if (servedHosts.allows(req.headers.host)) {
      next();
      return;
    }
    next(new ApiError("misdirected_request", "This emulator does not serve that Host. Pass --allowed-host for a tunnel or proxy name."));
  };
}
