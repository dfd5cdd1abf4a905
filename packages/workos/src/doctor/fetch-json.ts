import type { DoctorRuntime } from "./types.js";

/** A JSON answer with what the checks read besides the body. */
export interface FetchedJson {
  status: number;
  body: unknown;
  headers: Headers;
  /** Local clock (ms) halfway through the exchange: the best guess of when the server wrote `Date`. */
  midpointMs: number;
}

/** Far beyond any metadata document, key set or API answer the checks read. */
const MAX_BODY_BYTES = 1 << 20;

/**
 * GET a JSON document with the doctor's timeout. Never throws: an unreachable host, a body that
 * is not JSON or one over {@link MAX_BODY_BYTES} (read no further: a host that streams without
 * end must not fill the memory of a CI job) comes back as a sentence for the report.
 */
export async function fetchJson(
  runtime: DoctorRuntime,
  url: string,
  init: { headers?: Record<string, string>; method?: string } = {},
): Promise<FetchedJson | { error: string }> {
  const startedMs = runtime.now();
  let response: Response;
  try {
    response = await runtime.fetch(url, {
      method: init.method ?? "GET",
      headers: { accept: "application/json", ...init.headers },
      signal: AbortSignal.timeout(runtime.timeoutMs),
      redirect: "manual",
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const reason = (error as Error).name === "TimeoutError" ? `no answer within ${runtime.timeoutMs} ms` : (cause ?? "connection failed");
    return { error: `${url} is unreachable (${reason})` };
  }
  const midpointMs = (startedMs + runtime.now()) / 2;
  const text = await readCapped(response);
  if (text === undefined) return { error: `${url} answered with more than ${MAX_BODY_BYTES / (1 << 20)} MiB` };
  let body: unknown;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, body, headers: response.headers, midpointMs };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The body as text, or `undefined` once it passes {@link MAX_BODY_BYTES} (the rest is not read). */
async function readCapped(response: Response): Promise<string | undefined> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text + decoder.decode();
      bytes += value.byteLength;
      if (bytes > MAX_BODY_BYTES) {
        await reader.cancel().catch(() => undefined);
        return undefined;
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // A body cut off by the timeout or the peer reads as no document, as before.
    return "";
  }
}
