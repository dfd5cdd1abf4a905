import { randomBytes } from "node:crypto";
import type { AuthorizationRequest, SignInMethod } from "../oauth/hosted-login.js";

/** How long a user has to finish signing in before the authorization must be restarted. */
export const PENDING_AUTHORIZATION_TTL_SECONDS = 15 * 60;

/** The emailed 6-digit code the browser must type back (magic-auth sign-in). */
export interface MagicCodeChallenge {
  kind: "magic-code";
  email: string;
  code: string;
  expiresAt: number;
  attemptsLeft: number;
}

/** The simulated identity provider of `connectionId` is asked to assert `email`. */
export interface SsoChallenge {
  kind: "sso";
  email: string;
  connectionId: string;
}

/**
 * An identification started but not finished. It carries its own email, so the step that
 * completes it signs in exactly the identity it was started for.
 */
export type IdentityChallenge = MagicCodeChallenge | SsoChallenge;

/** Who a completed identification step authenticated, and the organization chosen for them. */
export interface SignedInIdentity {
  userId: string;
  /** How this identity was authenticated, recorded on the session (`auth_method` in the API). */
  authMethod: SignInMethod;
  /** undefined: not chosen yet; null: the user has no organization. */
  organizationId?: string | null;
}

/** A sign-in in progress: the validated authorization request and how far the user got. */
export interface PendingAuthorization {
  /** Opaque id carried in a hidden form field. */
  id: string;
  /** Random value also held in an HttpOnly cookie: a form post only counts from the browser that started it. */
  browserBinding: string;
  request: AuthorizationRequest;
  expiresAt: number;
  /** At most one identification in flight; starting another replaces it. */
  challenge?: IdentityChallenge;
  /** Replaced as a whole by each successful identification, never edited field by field. */
  identity?: SignedInIdentity;
}

/**
 * Every unauthenticated GET /oauth2/authorize creates a pending sign-in that lives for
 * {@link PENDING_AUTHORIZATION_TTL_SECONDS}; without a cap a script looping on that URL grows
 * the process without bound. Far more than one developer's browsers ever have open at once.
 */
export const MAX_PENDING_AUTHORIZATIONS = 10_000;

/** In-memory pending sign-ins, keyed by their opaque id. */
export class PendingAuthorizationStore {
  private readonly pending = new Map<string, PendingAuthorization>();

  /** `maxPending` exists so tests can reach the cap cheaply. */
  constructor(
    private readonly now: () => number,
    private readonly maxPending: number = MAX_PENDING_AUTHORIZATIONS,
  ) {}

  /**
   * @example
   * const pending = store.create(request, browserBinding);
   */
  create(request: AuthorizationRequest, browserBinding: string): PendingAuthorization {
    this.forgetExpired();
    // Full: drop the oldest. A Map iterates in insertion order, so its first key is the oldest.
    while (this.pending.size >= this.maxPending) {
      const oldest = this.pending.keys().next().value;
      if (oldest === undefined) break;
      this.pending.delete(oldest);
    }
    const pending: PendingAuthorization = {
      id: randomBytes(24).toString("base64url"),
      browserBinding,
      request,
      expiresAt: this.now() + PENDING_AUTHORIZATION_TTL_SECONDS,
    };
    this.pending.set(pending.id, pending);
    return pending;
  }

  /** The pending authorization if it exists, is unexpired and belongs to this browser. */
  find(id: unknown, browserBinding: string | undefined): PendingAuthorization | undefined {
    if (typeof id !== "string" || !browserBinding) return undefined;
    const pending = this.pending.get(id);
    if (!pending || pending.expiresAt <= this.now() || pending.browserBinding !== browserBinding) return undefined;
    return pending;
  }

  /** Ends a pending authorization once it produced a code or an error: its forms cannot be replayed. */
  finish(id: string): void {
    this.pending.delete(id);
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [id, pending] of this.pending) if (pending.expiresAt <= now) this.pending.delete(id);
  }
}
