import type { IncomingHttpHeaders } from "node:http";
import type { ServedHosts } from "./served-hosts.js";

/**
 * Fetch Metadata (W3C) values that are not another site: `same-origin` is the emulator's own
 * page, `none` a typed URL, a bookmark or a native app (an MCP client) opening the browser.
 */
const TRUSTED_FETCH_SITES = new Set(["same-origin", "none"]);

/**
 * True when a browser sent the request for a page of another origin: `Sec-Fetch-Site` says
 * `cross-site` or `same-site` (another localhost port is same-site: sites ignore ports), or the
 * `Origin` is not one this emulator answers (`Origin: null` from sandboxed frames and `file:`
 * pages included). A request with neither header (a CLI, an SDK, a test) is not cross-site.
 *
 * @example
 * if (isCrossSiteRequest(req.headers, ctx.servedHosts)) showSignInPage();
 */
export function isCrossSiteRequest(headers: IncomingHttpHeaders, servedHosts: ServedHosts): boolean {
  const site = headers["sec-fetch-site"];
  if (site !== undefined && !TRUSTED_FETCH_SITES.has(site)) return true;
  const origin = headers.origin;
  if (origin === undefined) return false;
  return !URL.canParse(origin) || !servedHosts.allows(new URL(origin).host);
}
