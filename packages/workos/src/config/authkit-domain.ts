import { refuseApiKeyIn, shown } from "./secret-values.js";

/**
 * Turns whatever a user pastes for the AuthKit domain into the issuer origin AuthKit puts in `iss`:
 * `acme.authkit.app`, `https://acme.authkit.app/` and `https://acme.authkit.app` all give
 * `https://acme.authkit.app`. Plain `http://` is allowed only for loopback hosts, where the local
 * emulator runs; anywhere else a bearer token would cross the network in clear text.
 *
 * @example
 * normalizeAuthkitDomain("acme.authkit.app") // "https://acme.authkit.app"
 */
export function normalizeAuthkitDomain(value: string): string {
  refuseApiKeyIn("authkitDomain", value, "the AuthKit domain (acme.authkit.app)");
  const trimmed = value.trim().replace(/\/+$/, "");
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new TypeError(`[WorkOS] authkitDomain must be a host such as acme.authkit.app or an https URL, got ${shown(value)}`);
  }
  if (url.pathname !== "/" || url.search || url.hash || url.username || url.password) {
    throw new TypeError(`[WorkOS] authkitDomain must be a bare host or origin with no path, got ${shown(value)}`);
  }
  assertSecureOrLoopback(url, "authkitDomain", value);
  return url.origin;
}

/**
 * Where AuthKit publishes its signing keys, the URL its MCP guide hands to `createRemoteJWKSet`.
 * Its RFC 8414 document names no `jwks_uri` (only its OpenID configuration does), so the
 * provider and the doctor both take it from here, and the doctor checks the URL the provider uses.
 */
export function authkitJwksUrl(issuer: string): URL {
  return new URL(`${issuer}/oauth2/jwks`);
}

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function isLoopbackHost(hostname: string): boolean {
  return loopbackHosts.has(hostname) || hostname.endsWith(".localhost");
}

/** https anywhere, or plain http to this machine only: where a secret may travel. */
export function isSecureOrLoopback(url: URL): boolean {
  return url.protocol === "https:" || (url.protocol === "http:" && isLoopbackHost(url.hostname));
}

export function assertSecureOrLoopback(url: URL, option: string, raw: string): void {
  if (isSecureOrLoopback(url)) return;
  throw new TypeError(
    `[WorkOS] ${option} must use https (http is allowed only for localhost/127.0.0.1), got ${shown(raw)}`,
  );
}
