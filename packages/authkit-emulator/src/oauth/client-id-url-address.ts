import { BlockList, isIP } from "node:net";

/** Where a URL client id points: this machine, another special-use address, or anywhere else. */
export type ClientIdAddress = "loopback" | "special-use" | "public";

/** RFC 6890 §2.2.2 `127.0.0.0/8` and §2.2.3 `::1/128`, IPv4-mapped forms included. */
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

/**
 * RFC 6890 special-use ranges a public client's document never lives at: "this network",
 * private (RFC 1918), shared (RFC 6598), link-local, benchmarking, multicast and reserved, and
 * for IPv6 the unspecified address, NAT64, unique-local, link-local and multicast.
 */
const SPECIAL_USE = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) SPECIAL_USE.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [["::", 128], ["64:ff9b::", 96], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8]] as const) {
  SPECIAL_USE.addSubnet(network, prefix, "ipv6");
}

/**
 * Classifies an IP address (IPv4, or IPv6 without brackets); IPv4-mapped IPv6 addresses count as
 * the IPv4 address they carry.
 *
 * @example
 * ipAddressKind("::ffff:127.0.0.1"); // "loopback"
 */
export function ipAddressKind(address: string): ClientIdAddress {
  const type = isIP(address) === 6 ? "ipv6" : "ipv4";
  if (LOOPBACK.check(address, type)) return "loopback";
  return SPECIAL_USE.check(address, type) ? "special-use" : "public";
}

/**
 * Classifies the host of a URL client id. `localhost` and `*.localhost` are loopback by
 * definition (RFC 6761 §6.3); other names are "public" here, since only their IP literals can
 * be judged without resolving them (the fetch judges the addresses a name resolves to).
 *
 * @example
 * clientIdAddress(new URL("https://10.0.0.7/client.json")); // "special-use"
 */
export function clientIdAddress(url: URL): ClientIdAddress {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost")) return "loopback";
  return isIP(host) === 0 ? "public" : ipAddressKind(host);
}
