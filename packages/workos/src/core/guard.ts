import { isCorsPreflight } from "./cors-preflight.js";
import type { HttpAnswer } from "./http-answer.js";
import type { AuthResult, AuthSuccess, WorkOSAuth } from "./workos-auth.js";

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

/** What the guard needs of the core: its public steps, and the token cache's synchronous answer. */
export type GuardSteps = Pick<WorkOSAuth, "discovery" | "protects" | "refuseOrigin" | "authenticate" | "challenge"> & {
  authenticateCached(authorization: GuardRequest["authorization"]): AuthSuccess | undefined;
};

/**
 * The one order of checks every adapter follows, so a check added here reaches Express, Fastify
 * and the Fetch API runtimes alike: discovery documents first (open to any origin), then, on
 * `mcpPath` only, the `Origin` check (before preflights too: DNS rebinding), CORS preflights
 * through unauthenticated, and the bearer token.
 *
 * Returns the decision itself when it needs no I/O (a pass, a refusal, a token found in the
 * verified-token cache, which is what nearly every MCP request carries), and a promise otherwise,
 * so an adapter can hand a repeat caller on in the same tick, with no promise in between.
 */
export function guardRequest(steps: GuardSteps, request: GuardRequest): GuardDecision | Promise<GuardDecision> {
  const discovery = steps.discovery(request.method, request.pathname);
  if (discovery) return discovery.then((answer) => ({ action: "answer", answer }));
  if (!steps.protects(request.pathname)) return pass;
  const refusal = steps.refuseOrigin(request.origin);
  if (refusal) return { action: "answer", answer: refusal };
  if (isCorsPreflight(request.method, request.accessControlRequestMethod)) return pass;
  const hit = steps.authenticateCached(request.authorization);
  if (hit) return { action: "authenticated", authenticated: hit };
  return steps.authenticate(request.authorization).then((result) => decisionFor(steps, result));
}

function decisionFor(steps: GuardSteps, result: AuthResult): GuardDecision {
  return result.ok ? { action: "authenticated", authenticated: result } : { action: "answer", answer: steps.challenge(result.error) };
}

/**
 * For callback-style adapters (Express, Fastify hooks): calls `act` with the core's decision, in
 * this tick when it needs no I/O and once it resolves otherwise. Anything thrown, by the core or
 * by `act` while answering (a closed socket), goes to `fail`, never to an unhandled rejection.
 */
export function actOnDecision(
  auth: Pick<WorkOSAuth, "decide">,
  request: GuardRequest,
  act: (decision: GuardDecision) => void,
  fail: (error: unknown) => void,
): void {
  try {
    const decision = auth.decide(request);
    if (decision instanceof Promise) decision.then(act).catch(fail);
    else act(decision);
  } catch (error) {
    fail(error);
  }
}
