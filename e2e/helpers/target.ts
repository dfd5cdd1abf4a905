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
