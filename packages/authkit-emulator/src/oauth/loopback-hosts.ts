/**
 * Hostnames (as `URL.hostname` spells them) where plain http is allowed: redirect URIs
 * (RFC 8252 §7.3, §8.3) and, for local development, Client ID Metadata Document URLs.
 */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(["127.0.0.1", "[::1]", "localhost"]);
