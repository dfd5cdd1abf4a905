import autocannon from "autocannon";

/**
 * A token set sent round-robin whose position survives from one run to the next. Restarting at
 * the first token on every run would resend the same first few thousand tokens each time, and
 * after the first run those are all in the server's verified-token cache: a "distinct tokens"
 * run would then measure mostly cache hits. Every variant that shares a token set shares its
 * rotation, so a token comes back only after all the others have been sent.
 */
export class TokenRotation {
  readonly #authorizations: readonly string[];
  #next = 0;

  constructor(tokens: readonly string[]) {
    this.#authorizations = tokens.map((token) => `Bearer ${token}`);
  }

  /** The next `Authorization` header value, or undefined for a set with no tokens. */
  next(): string | undefined {
    if (this.#authorizations.length === 0) return undefined;
    const authorization = this.#authorizations[this.#next]!;
    this.#next = (this.#next + 1) % this.#authorizations.length;
    return authorization;
  }
}

export interface LoadOptions {
  mcpURL: string;
  tool: "greet" | "whoami";
  /** One token per request, in turn, across all connections; an empty rotation sends no Authorization header. */
  tokens: TokenRotation;
  durationSeconds: number;
  connections: number;
  /** Headers sent on every request besides the MCP ones (the bench's `--pad`). */
  extraHeaders?: Record<string, string>;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Non-2xx answers, transport errors, timeouts and 200s whose body is not the tool's success. */
  failures: number;
}

const toolArguments = { greet: { name: "bench" }, whoami: {} } as const;

/** What a successful call answers, checked on every response so a fast error cannot pass for throughput. */
const successMarker = { greet: "Hello, bench!", whoami: '\\"userId\\"' } as const;

/**
 * MCP `tools/call` over Streamable HTTP with autocannon. xmcp 1.1.3 serves `/mcp` statelessly
 * (no `mcp-session-id`; each POST gets a fresh transport), so every POST is self-contained and
 * no `initialize` handshake precedes the calls. Every variant goes through the same
 * `setupRequest` path, so the client does the same work whether it rotates one token or thousands.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const body = JSON.stringify({
    jsonrpc: "2.0",
    id: 1,
    method: "tools/call",
    params: { name: options.tool, arguments: toolArguments[options.tool] },
  });
  const baseHeaders = {
    "content-type": "application/json",
    accept: "application/json, text/event-stream",
    "mcp-protocol-version": "2025-06-18",
    ...options.extraHeaders,
  };
  const marker = successMarker[options.tool];

  const result = await autocannon({
    url: options.mcpURL,
    method: "POST",
    connections: options.connections,
    duration: options.durationSeconds,
    body,
    headers: baseHeaders,
    requests: [
      {
        setupRequest(request: { headers: Record<string, string> }) {
          const authorization = options.tokens.next();
          request.headers = authorization ? { ...baseHeaders, authorization } : baseHeaders;
          return request;
        },
      },
    ],
    verifyBody: (text: string) => text.includes(marker) && !text.includes('"isError":true'),
  });

  const requests = result.requests.total;
  return {
    requestsPerSecond: requests / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests,
    failures: result.non2xx + result.errors + result.timeouts + result.mismatches,
  };
}
