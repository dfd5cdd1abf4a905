import { BlockList, isIP } from "node:net";

/**
 * Where a host or address points: this machine, another RFC 6890 special-use address (private,
 * link-local, documentation, multicast...), or anywhere else. The one place the emulator decides
 * what "loopback" means, for bind addresses, served hosts, redirect URIs and client id URLs.
 */
export type HostKind = "loopback" | "special-use" | "public";

/**
 * The loopback names every machine has, spelt as `URL.hostname` spells them: the emulator answers
 * them on its port, and plain http is allowed on exactly these (RFC 8252 §7.3 names the IP
 * literals; `localhost` is matched exactly, as §8.3 discourages anything looser).
 */
export const LOOPBACK_NAMES: ReadonlySet<string> = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** RFC 6890 §2.2.2 `127.0.0.0/8` and §2.2.3 `::1/128`. */
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

/**
 * IPv4 special-use ranges (RFC 6890 and its updates) a public client's document never lives at:
 * "this network", private (RFC 1918), shared (RFC 6598), link-local, IETF protocol assignments,
 * documentation (RFC 5737), the 6to4 relay anycast, benchmarking, multicast and reserved
 * (broadcast included).
 */
const SPECIAL_USE = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15],
  ["198.51.100.0", 24], ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) SPECIAL_USE.addSubnet(network, prefix, "ipv4");
/**
 * IPv6 ones: unspecified, discard-only, Teredo (its IPv4 is obfuscated), benchmarking,
 * documentation (RFC 3849, RFC 9637), local-use NAT64 (RFC 8215), unique-local, the deprecated
 * site-local `fec0::/10`, link-local and multicast. Forms that embed an IPv4 address (mapped,
 * compatible, translated, NAT64, 6to4) are judged by that address instead: see `embeddedIpv4`.
 */
for (const [network, prefix] of [
  ["::", 128], ["100::", 64], ["2001::", 32], ["2001:2::", 48], ["2001:db8::", 32], ["3fff::", 20],
  ["64:ff9b:1::", 48], ["fc00::", 7], ["fec0::", 10], ["fe80::", 10], ["ff00::", 8],
] as const) SPECIAL_USE.addSubnet(network, prefix, "ipv6");

/** The eight 16-bit groups of an IPv6 address (any spelling `URL` accepts). */
function ipv6Groups(address: string): number[] {
  // The URL parser writes every IPv6 address as compressed hex, dotted quads included.
  const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const [head = "", tail] = canonical.split("::");
  const words = (part: string) => (part === "" ? [] : part.split(":").map((group) => Number.parseInt(group, 16)));
  const left = words(head);
  const right = tail === undefined ? [] : words(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

const ipv4From = (high: number, low: number) => [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");

/**
 * The IPv4 address an IPv6 address carries, where the address is one only to reach that IPv4
 * host: IPv4-mapped `::ffff:0:0/96`, IPv4-compatible `::/96` (deprecated, still routed by some
 * stacks), IPv4-translated `::ffff:0:0:0/96` (RFC 2765), NAT64 `64:ff9b::/96` (RFC 6052) and
 * 6to4 `2002::/16` (RFC 3056). `::1` and `::` are themselves, not IPv4 `0.0.0.1` and `0.0.0.0`.
 */
function embeddedIpv4(address: string): string | undefined {
  const g = ipv6Groups(address);
  const zero = (from: number, to: number) => g.slice(from, to).every((word) => word === 0);
  if (zero(0, 5) && g[5] === 0xffff) return ipv4From(g[6]!, g[7]!);
  if (zero(0, 6) && (g[6] !== 0 || g[7]! > 1)) return ipv4From(g[6]!, g[7]!);
  if (zero(0, 4) && g[4] === 0xffff && g[5] === 0) return ipv4From(g[6]!, g[7]!);
  if (g[0] === 0x64 && g[1] === 0xff9b && zero(2, 6)) return ipv4From(g[6]!, g[7]!);
  if (g[0] === 0x2002) return ipv4From(g[1]!, g[2]!);
  return undefined;
}

/**
 * Classifies an IP address (IPv4, or IPv6 without brackets); an IPv6 address that carries an
 * IPv4 address counts as that IPv4 address.
 *
 * @example
 * ipAddressKind("::ffff:127.0.0.1"); // "loopback"
 * ipAddressKind("2002:a00:1::"); // "special-use" (6to4 for 10.0.0.1)
 */
export function ipAddressKind(address: string): HostKind {
  if (isIP(address) === 6) {
    const ipv4 = embeddedIpv4(address);
    if (ipv4 !== undefined) return ipAddressKind(ipv4);
  }
  const type = isIP(address) === 6 ? "ipv6" : "ipv4";
  if (LOOPBACK.check(address, type)) return "loopback";
  return SPECIAL_USE.check(address, type) ? "special-use" : "public";
}

/**
 * Classifies a host as `URL.hostname` or a bind address spells it (brackets optional, any case).
 * `localhost` and `*.localhost` are loopback by definition (RFC 6761 §6.3); other names are
 * "public" here, since only IP literals can be judged without resolving them.
 *
 * @example
 * hostKind("[::1]"); // "loopback"
 * hostKind("10.0.0.7"); // "special-use"
 * hostKind("client.example"); // "public"
 */
export function hostKind(host: string): HostKind {
  const name = host.toLowerCase().replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "");
  if (name === "localhost" || name.endsWith(".localhost")) return "loopback";
  return isIP(name) === 0 ? "public" : ipAddressKind(name);
}

/**
 * True for a bind address only this machine can reach.
 *
 * @example
 * isLoopbackBindAddress("127.0.0.1"); // true
 * isLoopbackBindAddress("0.0.0.0"); // false
 */
export function isLoopbackBindAddress(host: string): boolean {
  return hostKind(host) === "loopback";
}
