import { readFileSync } from "node:fs";
import { createServer } from "node:net";

/** A port the OS just handed out on 127.0.0.1 (free now; nothing holds it for us). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A port held open until `release()`: for a server started later than other listeners (an
 * emulator on port 0 could otherwise be handed the same port in between, and the target's
 * readiness check would then be answered by the emulator).
 */
export function reservePort(): Promise<{ port: number; release(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      resolve({ port, release: () => new Promise<void>((done) => server.close(() => done())) });
    });
  });
}

/**
 * A port for a server that listens long after the port is chosen (xmcp bakes it in at build
 * time, and the e2e servers start minutes later): free now, and below the OS's ephemeral range.
 * Every port-0 listener and every outgoing connection's local port come from that range, and a
 * run opens thousands of client connections, so a port {@link freePort} handed out could be
 * some connection's local port by the time the server listens (EADDRINUSE). Below the range,
 * only another port chosen this way could take it.
 */
export async function bakedPort(): Promise<number> {
  const lowest = 10_000;
  const ephemeral = ephemeralRangeStart();
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = lowest + Math.floor(Math.random() * (ephemeral - lowest));
    if (await isFree(port)) return port;
  }
  throw new Error(`no free port between ${lowest} and ${ephemeral} after 100 tries`);
}

/** The first port of the ephemeral range: Linux's setting; elsewhere 32,768, at or below the common defaults (macOS and Windows start at 49,152). */
function ephemeralRangeStart(): number {
  try {
    const first = Number(readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/)[0]);
    if (Number.isInteger(first) && first > 10_001) return first;
  } catch {
    // not Linux
  }
  return 32_768;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}
