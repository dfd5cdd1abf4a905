import { reservePort } from "./free-port.js";

/** One way of running the example (xmcp's Node server, Cloudflare Workers, Next.js). */
export interface Target {
  /**
   * Chooses where the server will listen. Its MCP URL is the server's RFC 8707 resource, which the
   * emulator must list (as a WorkOS environment lists its MCP resource indicators) before it
   * issues tokens for it, so the suites start the emulator after this and the server after that.
   */
  reserve(): Promise<ReservedTarget>;
}

export interface ReservedTarget {
  mcpURL: string;
  start(emulatorURL: string): Promise<RunningTarget>;
}

export interface RunningTarget {
  /** Origin the server answers on, e.g. `http://127.0.0.1:8787`. */
  url: string;
  /** The MCP endpoint, `${url}/mcp`. */
  mcpURL: string;
  stop(): Promise<void>;
}

/**
 * A target on a port chosen now and held open until `start`: the suites start the emulator in
 * between on port 0, and it must not be handed this port (the target's readiness check would then
 * be answered by the emulator).
 */
export function targetOnReservedPort(start: (emulatorURL: string, port: number) => Promise<RunningTarget>): Target {
  return {
    async reserve() {
      const { port, release } = await reservePort();
      return {
        mcpURL: `http://127.0.0.1:${port}/mcp`,
        start: async (emulatorURL) => {
          await release();
          return start(emulatorURL, port);
        },
      };
    },
  };
}
