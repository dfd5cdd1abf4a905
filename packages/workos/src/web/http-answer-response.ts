import type { HttpAnswer } from "../core/http-answer.js";

/** The core's answer as a Fetch API `Response`; a `HEAD` request gets the headers only (RFC 9110 §9.3.2). */
export function toResponse(answer: HttpAnswer, method: string): Response {
  const body = answer.body === null || method.toUpperCase() === "HEAD" ? null : JSON.stringify(answer.body);
  return new Response(body, { status: answer.status, headers: answer.headers });
}
