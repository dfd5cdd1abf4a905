import type { DoctorRuntime } from "./types.js";

/** A JSON answer with what the checks read besides the body. */
export interface FetchedJson {
  status: number;
  body: unknown;
  headers: Headers;
  /** Local clock (ms) halfway through the exchange: the best guess of when the server wrote `Date`. */
  midpointMs: number;
}

/**
 * GET a JSON document with the doctor's timeout. Never throws: an unreachable host or a body
 * that is not JSON comes back as a sentence for the report.
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
  const text = await response.text().catch(() => "");
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
