import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * What the proxy does with a request whose path matches `faultPaths`:
 * - `forward`: pass it to the target unchanged (after `delayMs`);
 * - `rate-limit`: answer 429 with `Retry-After: retryAfter` and WorkOS's body, as WorkOS does when throttling;
 * - `error`: answer 500 with WorkOS's JSON error body;
 * - `bad-gateway`: answer 502 with an HTML page, as a load balancer in front of an API does;
 * - `reset`: drop the connection without answering.
 */
export type FaultMode = "forward" | "rate-limit" | "error" | "bad-gateway" | "reset";

/**
 * A small HTTP proxy on 127.0.0.1 and a free port, put in front of a real server (the emulator,
 * a JWKS issuer) to inject faults and latency and to count what reaches it. Point the client at
 * `proxy.url` instead of the target.
 *
 * @example
 * const proxy = await FaultProxy.start(emulator.url);
 * proxy.mode = "rate-limit";
 * proxy.count("/user_management/users/user_01ALICE..."); // requests seen on that path
 */
export class FaultProxy {
  /** Applies to requests whose path matches `faultPaths`; the rest are always forwarded at once. */
  mode: FaultMode = "forward";
  /** Added before a matching request is answered or forwarded. */
  delayMs = 0;
  /** The `Retry-After` header value of `rate-limit` answers (seconds or an HTTP-date). */
  retryAfter = "0";
  /** When set, a matching request waits for it to settle before anything else: a reply held back on cue. */
  hold: Promise<void> | undefined;
  /** Which paths `mode`, `delayMs` and `hold` apply to; default every path. */
  faultPaths: RegExp = /.*/;
  /** Requests received, by path without the query string, whatever the mode did with them. */
  readonly requests = new Map<string, number>();
  url = "";
  readonly #target: URL;
  readonly #server: Server;

  private constructor(target: URL) {
    this.#target = target;
    this.#server = createServer((req, res) => void this.#handle(req, res));
  }

  static async start(target: string): Promise<FaultProxy> {
    const proxy = new FaultProxy(new URL(target));
    await new Promise<void>((resolve) => proxy.#server.listen(0, "127.0.0.1", resolve));
    proxy.url = `http://127.0.0.1:${(proxy.#server.address() as AddressInfo).port}`;
    return proxy;
  }

  /** Requests seen on `path` (exact), or on every path when omitted. */
  count(path?: string): number {
    if (path !== undefined) return this.requests.get(path) ?? 0;
    let total = 0;
    for (const n of this.requests.values()) total += n;
    return total;
  }

  /** Forget the counts (mode and delay stay as they are). */
  resetCounts(): void {
    this.requests.clear();
  }

  /** Back to forwarding everything at once, with the counts cleared. */
  reset(): void {
    this.mode = "forward";
    this.delayMs = 0;
    this.retryAfter = "0";
    this.faultPaths = /.*/;
    this.resetCounts();
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "http://proxy.invalid").pathname;
    this.requests.set(path, (this.requests.get(path) ?? 0) + 1);
    const faulty = this.faultPaths.test(path);
    // Read the mode before waiting, so a switch made during the delay affects only later requests.
    const mode = faulty ? this.mode : "forward";
    if (faulty && this.hold) await this.hold;
    if (faulty && this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));

    switch (mode) {
      case "rate-limit":
        return void res
          .writeHead(429, { "content-type": "application/json", "retry-after": this.retryAfter })
          .end(JSON.stringify({ code: "rate_limit_exceeded", message: "Too many requests." }));
      case "error":
        return void res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ message: "Internal Server Error" }));
      case "bad-gateway":
        return void res.writeHead(502, { "content-type": "text/html" }).end("<html><body><h1>502 Bad Gateway</h1></body></html>");
      case "reset":
        return void req.socket.destroy();
      case "forward":
        return this.#forward(req, res);
    }
  }

  #forward(req: IncomingMessage, res: ServerResponse): void {
    const upstream = request(
      {
        hostname: this.#target.hostname,
        port: this.#target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: this.#target.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    req.pipe(upstream);
  }
}
