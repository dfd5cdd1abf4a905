import autocannon from "autocannon";

export interface LoadOptions {
  mcpURL: string;
  tool: "greet" | "whoami";
  /** Sent round-robin across all connections, one per request; empty sends no Authorization header. */
  tokens: readonly string[];
  durationSeconds: number;
  connections: number;
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
 * `setupRequest` path, so the client does the same work whether it rotates one token or 2,048.
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
  };
  const authorizations = options.tokens.map((token) => `Bearer ${token}`);
  let next = 0;
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
          const authorization = authorizations[next++ % authorizations.length];
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
