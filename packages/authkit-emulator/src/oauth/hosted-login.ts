import type { Request, Response, Router } from "express";
import type { EmulatorContext } from "../context.js";
import type { AuthorizationRequest } from "./authorization-request.js";
import type { SignedInUser, SignInMethod } from "./authorization-completion.js";

export type { AuthorizationRequest, SignedInUser, SignInMethod };

/**
 * The one place the authorization server and the hosted login meet. `oauth/` builds an
 * `AuthorizationHandoff` and asks a `HostedLogin` factory (given by the caller, so `oauth/`
 * never imports `login/`) to take over validated requests; `login/` imports nothing else from
 * `oauth/`.
 */

/** What the authorization server lends the hosted login: all the login may do with OAuth. */
export interface AuthorizationHandoff {
  readonly ctx: EmulatorContext;
  /** The name the pages show for the client: its registered name, a CIMD host, or its id. */
  clientName(request: AuthorizationRequest): string;
  /**
   * True for loopback and private-use-scheme redirect URIs, the only clients a request may be
   * answered for without a page (RFC 9700 §4.11.2: any web page can register an https client).
   */
  isNativeApp(request: AuthorizationRequest): boolean;
  /** Ends a sign-in: opens the session and returns the client's redirect carrying a code. */
  complete(request: AuthorizationRequest, user: SignedInUser): string;
  /** The client's redirect carrying `access_denied` (RFC 6749 §4.1.2.1). */
  deny(request: AuthorizationRequest): string;
}

/** What the authorization server needs from the hosted login. */
export interface HostedLogin {
  /** The `/login/...` routes, mounted beside `/oauth2/...`. */
  readonly router: Router;
  /** Takes over a validated authorization request: the first sign-in step, or auto-login. */
  start(req: Request, res: Response, request: AuthorizationRequest): void;
  /** An error the browser must see on a page instead of a redirect (bad client or redirect URI). */
  showError(res: Response, status: number, error: { title: string; code: string; description: string }): void;
}

export type HostedLoginFactory = (handoff: AuthorizationHandoff) => HostedLogin;
