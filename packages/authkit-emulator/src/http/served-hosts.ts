import { isLoopbackBindAddress, LOOPBACK_NAMES } from "./host-classification.js";

/**
 * The `Host` values this emulator answers to, and the origins that would reach it. A web page
 * the developer visits can point its own DNS name at 127.0.0.1 (DNS rebinding) and then read
 * the emulator as same-origin; checking `Host` defeats that, since the page's name never matches.
 */
export interface ServedHosts {
  /** True when the `Host` request header names this emulator. */
  allows(hostHeader: string | undefined): boolean;
  /** True when a URL would be answered by this emulator (so it must never fetch it). */
  reaches(url: URL): boolean;
}

/** Lower-cases and splits `host[:port]` the way the WHATWG URL parser does; undefined if it is not one. */
function parseHost(value: string): { hostname: string; port: string } | undefined {
  if (!/^[^/?#@\s]+$/.test(value) || !URL.canParse(`http://${value}`)) return undefined;
  const url = new URL(`http://${value}`);
  return { hostname: url.hostname, port: url.port };
}

/**
 * Checks one `allowedHosts` entry: `name` (any port) or `name:port`, as a tunnel or proxy sends
 * it in `Host`; no scheme, path or credentials. Returns the reason it is unusable, if it is.
 *
 * @example
 * allowedHostProblem("abc.ngrok.app"); // undefined
 * allowedHostProblem("https://abc.ngrok.app/"); // "must be a host name ..."
 */
export function allowedHostProblem(entry: unknown): string | undefined {
  if (typeof entry !== "string" || parseHost(entry.trim()) === undefined) {
    return `must be a host name with an optional port, such as abc.ngrok.app or tunnel.test:8443 (got ${JSON.stringify(entry)})`;
  }
  return undefined;
}

/**
 * The emulator's own host on its port, every loopback name on its port, and the explicit
 * `allowedHosts` (tunnels, proxies). On port 80 a `Host` without a port is the same host.
 *
 * @example
 * const served = createServedHosts({ host: "127.0.0.1", port: 4455, allowedHosts: [] });
 * served.allows("localhost:4455"); // true
 * served.allows("rebind.attacker.example:4455"); // false
 */
export function createServedHosts(input: { host: string; port: number; allowedHosts: readonly string[] }): ServedHosts {
  const port = String(input.port);
  const own = new Set<string>();
  for (const name of [...LOOPBACK_NAMES, input.host]) {
    const parsed = parseHost(name.includes(":") && !name.startsWith("[") ? `[${name}]` : name);
    if (parsed) own.add(parsed.hostname);
  }
  const allowedAnyPort = new Set<string>();
  const allowedExact = new Set<string>();
  for (const entry of input.allowedHosts) {
    const parsed = parseHost(entry.trim());
    if (!parsed) continue;
    if (parsed.port === "") allowedAnyPort.add(parsed.hostname);
    else allowedExact.add(`${parsed.hostname}:${parsed.port}`);
  }
  const matches = (hostname: string, hostPort: string): boolean =>
    ((hostPort === port || (hostPort === "" && port === "80")) && own.has(hostname)) ||
    allowedAnyPort.has(hostname) ||
    allowedExact.has(`${hostname}:${hostPort}`);

  return {
    allows(hostHeader) {
      const parsed = hostHeader === undefined ? undefined : parseHost(hostHeader);
      return parsed !== undefined && matches(parsed.hostname, parsed.port);
    },
    reaches(url) {
      const defaultPort = url.protocol === "https:" ? "443" : "80";
      const urlPort = url.port || defaultPort;
      // Any loopback address reaches a wildcard or loopback bind on this port.
      if (urlPort === port && (own.has(url.hostname) || isLoopbackBindAddress(url.hostname) || url.hostname === "0.0.0.0" || url.hostname === "[::]")) return true;
      return allowedAnyPort.has(url.hostname) || allowedExact.has(`${url.hostname}:${url.port}`) || allowedExact.has(`${url.hostname}:${urlPort}`);
    },
  };
}
