import { isCorsPreflight } from "./cors-preflight.js";
import type { HttpAnswer } from "./http-answer.js";
import type { AuthSuccess, WorkOSAuth } from "./workos-auth.js";

type HeaderValue = string | readonly string[] | null | undefined;

/** The parts of a request the guard reads, in any framework's terms. */
export interface GuardRequest {
  method: string;
  /** The path, without query (see `pathnameOf` for a raw request target). */
  pathname: string;
  origin?: HeaderValue;
  accessControlRequestMethod?: HeaderValue;
  authorization?: HeaderValue;
}

/**
 * What an adapter does with a request: hand it on untouched (`pass`), write `answer` (a discovery
 * document, an origin refusal, a challenge), or run the rest of it with
 * `runWithSession(authenticated, …)` after giving xmcp `authenticated.authInfo`.
 */
export type GuardDecision =
  | { action: "pass" }
  | { action: "answer"; answer: HttpAnswer }
  | { action: "authenticated"; authenticated: AuthSuccess };

const pass: GuardDecision = Object.freeze({ action: "pass" });

/**
 * The one order of checks every adapter follows, so a check added here reaches Express, Fastify
 * and the Fetch API runtimes alike: discovery documents first (open to any origin), then, on
 * `mcpPath` only, the `Origin` check (before preflights too: DNS rebinding), CORS preflights
 * through unauthenticated, and the bearer token.
 */
export async function guardRequest(auth: WorkOSAuth, request: GuardRequest): Promise<GuardDecision> {
  const discovery = auth.discovery(request.method, request.pathname);
  if (discovery) return { action: "answer", answer: await discovery };
  if (!auth.protects(request.pathname)) return pass;
  const refusal = auth.refuseOrigin(request.origin);
  if (refusal) return { action: "answer", answer: refusal };
  if (isCorsPreflight(request.method, request.accessControlRequestMethod)) return pass;
  const result = await auth.authenticate(request.authorization);
  return result.ok ? { action: "authenticated", authenticated: result } : { action: "answer", answer: auth.challenge(result.error) };
}
