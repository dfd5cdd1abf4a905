import { describe, expect, it } from "vitest";
import { hostKind, ipAddressKind, isLoopbackBindAddress, LOOPBACK_NAMES } from "../src/http/host-classification.js";

describe("host classification (RFC 6890 special-use addresses)", () => {
  const table: [string, ReturnType<typeof hostKind>][] = [
    ["localhost", "loopback"], ["app.localhost", "loopback"], ["127.0.0.1", "loopback"], ["127.8.9.10", "loopback"], ["[::1]", "loopback"], ["::1", "loopback"],
    // IPv6 forms that carry an IPv4 address count as that address.
    ["[::ffff:127.0.0.1]", "loopback"], ["[::7f00:1]", "loopback"], ["[::ffff:0:7f00:1]", "loopback"], ["[64:ff9b::7f00:1]", "loopback"], ["[2002:7f00:1::]", "loopback"],
    ["[::ffff:10.0.0.1]", "special-use"], ["[::a00:1]", "special-use"], ["[::ffff:0:a00:1]", "special-use"], ["[64:ff9b::a00:1]", "special-use"], ["[2002:c0a8:101::1]", "special-use"],
    ["[::ffff:8.8.8.8]", "public"], ["[64:ff9b::808:808]", "public"], ["[2002:808:808::1]", "public"],
    // IPv4: private, shared, link-local, documentation, benchmarking, multicast, reserved, broadcast.
    ["0.0.0.0", "special-use"], ["10.1.2.3", "special-use"], ["100.64.0.1", "special-use"], ["100.127.255.254", "special-use"], ["169.254.169.254", "special-use"],
    ["172.16.5.4", "special-use"], ["192.0.0.8", "special-use"], ["192.0.2.1", "special-use"], ["192.168.1.1", "special-use"], ["198.18.0.1", "special-use"],
    ["198.19.255.1", "special-use"], ["198.51.100.7", "special-use"], ["203.0.113.9", "special-use"], ["224.0.0.251", "special-use"], ["239.255.255.250", "special-use"],
    ["240.0.0.1", "special-use"], ["255.255.255.255", "special-use"],
    // IPv6: unspecified, documentation, site-local, unique-local, link-local, multicast, Teredo.
    ["[::]", "special-use"], ["[2001:db8::1]", "special-use"], ["[3fff::1]", "special-use"], ["[fec0::1]", "special-use"], ["[fd00::1]", "special-use"],
    ["[fe80::1]", "special-use"], ["[ff02::1]", "special-use"], ["[2001:0:4136:e378::1]", "special-use"],
    ["8.8.8.8", "public"], ["100.128.0.1", "public"], ["[2606:4700::1111]", "public"], ["client.example", "public"],
  ];
  for (const [host, kind] of table) {
    it(`classifies ${host} as ${kind}`, () => {
      expect(hostKind(host)).toBe(kind);
      // As a URL client id's host: the URL parser rewrites IPv6 literals (dotted quads into hex).
      if (URL.canParse(`https://${host}/`)) expect(hostKind(new URL(`https://${host}/x.json`).hostname)).toBe(kind);
    });
  }

  it("judges a resolver's answer (no brackets) the same way", () => {
    expect(ipAddressKind("::ffff:0:7f00:1")).toBe("loopback");
    expect(ipAddressKind("2002:a00:1::")).toBe("special-use");
  });

  it("serves bind addresses, served hosts and redirect URIs from the same definition", () => {
    for (const name of ["127.0.0.1", "::1", "[::1]", "LocalHost", "127.0.0.2"]) expect(isLoopbackBindAddress(name), name).toBe(true);
    for (const name of ["0.0.0.0", "::", "192.168.1.10", "example.test"]) expect(isLoopbackBindAddress(name), name).toBe(false);
    for (const name of LOOPBACK_NAMES) expect(hostKind(name), name).toBe("loopback");
  });
});
