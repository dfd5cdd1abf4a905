import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { EmulatorStartupError } from "./emulator-startup-error.js";

/** Start listening before any handler exists, so the issuer (which needs the port) is known first. */
export function listen(port: number, host: string): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(
          new EmulatorStartupError(
            "ERR_EMULATOR_PORT_IN_USE",
            `Port ${port} on ${host} is already in use. Stop the other process or pass another --port (0 picks a free one).`,
            { cause: error },
          ),
        );
        return;
      }
      reject(error);
    });
    server.listen(port, host, () => {
      resolve({ server, port: (server.address() as AddressInfo).port });
    });
  });
}

/** The origin clients should use: wildcard binds are reached through loopback; IPv6 needs brackets. */
export function originFor(host: string, port: number): string {
  let visible = host;
  if (host === "0.0.0.0") visible = "127.0.0.1";
  else if (host === "::" || host === "[::]") visible = "[::1]";
  else if (host.includes(":") && !host.startsWith("[")) visible = `[${host}]`;
  return `http://${visible}:${port}`;
}
