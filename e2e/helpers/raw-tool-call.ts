import { LATEST_PROTOCOL_VERSION } from "@modelcontextprotocol/client";

export interface RawToolCall {
  status: number;
  wwwAuthenticate: string | null;
  /** The tool's text when the call reached the tool; undefined otherwise. */
  text: string | undefined;
  isError: boolean;
  /** The JSON error body of a refused request (`{ error, error_description }`). */
  refusal: { error?: string; error_description?: string } | undefined;
}

/**
 * One `tools/call` as a bare POST carrying a given access token, for tokens the test holds but no
 * MCP client should present for it (one that must reach the server for the first time at a chosen
 * moment, one kept past its expiry). The example's xmcp server is stateless: no initialize and no
 * `Mcp-Session-Id` are needed, only the headers the streamable HTTP transport requires.
 */
export async function postToolCall(mcpURL: string, accessToken: string, name: string, args: Record<string, unknown> = {}): Promise<RawToolCall> {
  const res = await fetch(mcpURL, {
    method: "POST",
    headers: {
      authorization: `Bearer ${accessToken}`,
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      "mcp-protocol-version": LATEST_PROTOCOL_VERSION,
    },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name, arguments: args } }),
  });
  const body = await res.text();
  const wwwAuthenticate = res.headers.get("www-authenticate");
  if (res.status !== 200) {
    let refusal;
    try {
      refusal = JSON.parse(body);
    } catch {
      refusal = undefined;
    }
    return { status: res.status, wwwAuthenticate, text: undefined, isError: true, refusal };
  }
  // The answer comes as a single SSE `message` event or as plain JSON.
  const json = res.headers.get("content-type")?.includes("text/event-stream")
    ? body
        .split("\n")
        .filter((line) => line.startsWith("data:"))
        .map((line) => line.slice(5).trim())
        .at(-1)
    : body;
  const message = JSON.parse(json ?? "null") as { result?: { isError?: boolean; content?: { text?: string }[] } } | null;
  const result = message?.result;
  return {
    status: res.status,
    wwwAuthenticate,
    text: result ? (result.content ?? []).map((c) => c.text ?? "").join("") : undefined,
    isError: result?.isError === true || result === undefined,
    refusal: undefined,
  };
}

/** The `initialize` an MCP host sends first, as a bare POST: without a token it meets the challenge. */
export function postInitialize(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "probe", version: "1" } },
    }),
  });
}
