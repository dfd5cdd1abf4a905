/**
 * Schemes no redirect URI may use, with the reason a client is told. RFC 8252 §7.1 lets a native
 * app receive its code through a private-use scheme because the scheme names that app; these
 * schemes name no app of the client's, so a code sent there reaches someone else.
 */

/**
 * Schemes that execute or embed content, or open the browser's own internal pages, instead of
 * navigating to a client: a code delivered there is either run as script or lands where no
 * client listens. `ms-*:` are Windows' protocol handlers (settings, apps, the browser itself).
 */
const EXECUTING_SCHEMES = new Set([
  "javascript:", "data:", "vbscript:", "file:", "blob:", "about:", "filesystem:",
  "view-source:", "chrome:", "chrome-untrusted:", "chrome-search:", "devtools:", "edge:", "brave:", "opera:", "vivaldi:", "resource:", "moz-extension:",
]);

/**
 * Schemes whose handler is a browser told to open the URL that follows
 * (`microsoft-edge:https://attacker.example/cb`): the code lands on whatever web page that names.
 * (`opera:` is above: it also opens the browser's internal pages.)
 */
const BROWSER_LAUNCHER_SCHEMES = new Set([
  "microsoft-edge:", "microsoft-edge-holographic:", "x-safari-https:", "x-safari-http:",
  "googlechrome:", "googlechromes:", "firefox:", "opera-http:", "opera-https:", "intent:",
]);

/**
 * Schemes a web page may ask to handle (`registerProtocolHandler`), so a code sent there can
 * reach a web page rather than an app: the HTML standard's safelist, the decentralised-web
 * schemes Chromium adds to it (`ipfs`...`ethereum`), and `gopher`, which no app of an MCP client's
 * claims either.
 */
const WEB_HANDLEABLE_SCHEMES = new Set([
  "bitcoin:", "ftp:", "ftps:", "geo:", "im:", "irc:", "ircs:", "magnet:", "mailto:", "matrix:", "mms:", "news:", "nntp:",
  "openpgp4fpr:", "sftp:", "sip:", "sms:", "smsto:", "ssh:", "tel:", "urn:", "webcal:", "wtai:", "xmpp:",
  "ipfs:", "ipns:", "dweb:", "dat:", "ssb:", "cabal:", "hyper:", "did:", "ethereum:",
  "gopher:",
]);

const NATIVE_APP_HINT = "use a loopback http redirect URI (RFC 8252 §7.3) or a private-use scheme your app owns (RFC 8252 §7.1), e.g. com.example.app:/callback";

/**
 * Why a redirect URI with this scheme (`URL.protocol`, lower-case with its colon) is refused, or
 * undefined when the scheme may be used.
 *
 * @example
 * refusedSchemeReason("web+evil:"); // "The web+evil: scheme is handled by web pages ..."
 */
export function refusedSchemeReason(protocol: string): string | undefined {
  if (EXECUTING_SCHEMES.has(protocol) || protocol.startsWith("ms-")) {
    return `The ${protocol} scheme is not allowed in a redirect URI: it runs code or opens the browser's internals.`;
  }
  // HTML §8.8.2 (custom scheme handlers): `web+` schemes exist to be handled by web pages;
  // Firefox lets an extension's manifest claim `ext+` ones the same way.
  if (protocol.startsWith("web+") || protocol.startsWith("ext+")) {
    return `The ${protocol} scheme is handled by web pages (registerProtocolHandler), not by a native app; ${NATIVE_APP_HINT}.`;
  }
  if (BROWSER_LAUNCHER_SCHEMES.has(protocol)) {
    return `The ${protocol} scheme makes a browser open another URL, so it names no native app; ${NATIVE_APP_HINT}.`;
  }
  if (WEB_HANDLEABLE_SCHEMES.has(protocol)) {
    return `The ${protocol} scheme may be handled by a web page (registerProtocolHandler), not only by a native app; ${NATIVE_APP_HINT}.`;
  }
  return undefined;
}
