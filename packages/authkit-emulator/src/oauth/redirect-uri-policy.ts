import { LOOPBACK_NAMES } from "../http/host-classification.js";
import { OAuthError } from "./oauth-error.js";
import { refusedSchemeReason } from "./refused-redirect-schemes.js";

/** RFC 8252 §7.3 covers loopback IP literals; `localhost` is matched exactly (§8.3 discourages it). */
const LOOPBACK_IP_REDIRECT = /^http:\/\/(127\.0\.0\.1|\[::1\])(?::\d{1,5})?(\/[^#]*)?$/;

/**
 * Checks one redirect URI a client registers (RFC 7591 §2, RFC 8252 §7): https anywhere;
 * http only on loopback; private-use schemes (`cursor://`, `vscode://`) for native apps;
 * never a fragment (RFC 6749 §3.1.2) nor a scheme that runs code, opens a browser on another URL
 * or that web pages can handle (see refused-redirect-schemes.ts).
 *
 * @example
 * assertAcceptableRedirectUri("http://127.0.0.1:33418/callback");
 */
export function assertAcceptableRedirectUri(value: unknown): asserts value is string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) {
    throw new OAuthError("invalid_redirect_uri", "Each redirect URI must be a non-empty string.");
  }
  if (value.includes("#")) {
    throw new OAuthError("invalid_redirect_uri", "Redirect URIs must not contain a fragment.");
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new OAuthError("invalid_redirect_uri", "Redirect URIs must be absolute URIs.");
  }
  const refused = refusedSchemeReason(url.protocol);
  if (refused !== undefined) throw new OAuthError("invalid_redirect_uri", refused);
  if (url.username || url.password) {
    throw new OAuthError("invalid_redirect_uri", "Redirect URIs must not contain credentials.");
  }
  if (url.protocol === "http:" && !LOOPBACK_NAMES.has(url.hostname)) {
    throw new OAuthError("invalid_redirect_uri", "http redirect URIs are allowed only on loopback (127.0.0.1, [::1], localhost).");
  }
}

/**
 * Exact string comparison (OAuth 2.1 §4.1.3: no prefix or normalised matching), with the one
 * exception RFC 8252 §7.3 requires: a loopback IP redirect may use any port, since native apps
 * bind an ephemeral one at request time.
 */
export function redirectUriMatches(registered: string, requested: string): boolean {
  if (registered === requested) return true;
  // The pattern below admits any 5 digits; a port above 65535 is no URL at all.
  if (!URL.canParse(requested)) return false;
  const a = LOOPBACK_IP_REDIRECT.exec(registered);
  const b = LOOPBACK_IP_REDIRECT.exec(requested);
  if (!a || !b) return false;
  return a[1] === b[1] && (a[2] ?? "") === (b[2] ?? "");
}

/**
 * True for redirect URIs that can only reach an application on this machine: loopback (RFC 8252
 * §7.3) or a private-use scheme (§7.1), which the operating system hands to a native app. Anything
 * else (https on a public host) could belong to any web page that registered itself through open
 * DCR, so the emulator never sends it a code or an error without the user seeing a page first.
 * Refused schemes (`web+*:`, `microsoft-edge:`...) are no native app either: a data file written
 * before they were refused may still hold one.
 *
 * @example
 * isNativeAppRedirect("http://127.0.0.1:33418/callback"); // true
 * isNativeAppRedirect("https://app.example/callback"); // false
 */
export function isNativeAppRedirect(redirectUri: string): boolean {
  const url = new URL(redirectUri);
  if (url.protocol === "http:" || url.protocol === "https:") return LOOPBACK_NAMES.has(url.hostname);
  return refusedSchemeReason(url.protocol) === undefined;
}
