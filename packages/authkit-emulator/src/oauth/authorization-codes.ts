import { createSecret, hashSecret } from "./secrets.js";

/** RFC 6749 §4.1.2 recommends at most 10 minutes; AuthKit-style short codes keep replay windows small. */
export const AUTHORIZATION_CODE_TTL_SECONDS = 60;
/** Spent codes are remembered this long so a replay can still revoke what the code produced (RFC 6749 §4.1.2). */
const SPENT_CODE_MEMORY_SECONDS = 600;

/**
 * Codes kept at once, spent ones included. Every completed sign-in issues one, and a script (or
 * `--auto-login`) can complete sign-ins in a loop: without a cap that grows without bound. A code
 * lives 60 s; far more than one developer's clients redeem in that time.
 */
export const MAX_AUTHORIZATION_CODES = 1_000;

/** Everything an authorization code is bound to. */
export interface AuthorizationCodeGrant {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  resource: string | null;
  scope: string;
  scopeRequested: boolean;
  nonce: string | undefined;
  userId: string;
  organizationId: string | null;
  sessionId: string;
  /** Refresh-token family the exchange starts; revoked if the code is replayed. */
  family: string;
  expiresAt: number;
  used: boolean;
}

/**
 * Short-lived, single-use authorization codes, kept in memory (a restart invalidates pending
 * codes, as it would a real deployment's cache) and looked up by hash.
 */
export class AuthorizationCodeStore {
  private readonly grants = new Map<string, AuthorizationCodeGrant>();

  /** `maxCodes` exists so tests can reach the cap cheaply. */
  constructor(
    private readonly now: () => number,
    private readonly maxCodes: number = MAX_AUTHORIZATION_CODES,
  ) {}

  /**
   * @example
   * const code = store.issue({ ...binding, expiresAt: now + AUTHORIZATION_CODE_TTL_SECONDS, used: false });
   */
  issue(grant: AuthorizationCodeGrant): string {
    this.forgetOld();
    while (this.grants.size > 0 && this.grants.size >= this.maxCodes) this.evictOne();
    const code = createSecret();
    this.grants.set(hashSecret(code), grant);
    return code;
  }

  /** The grant behind a code, spent or not; callers check `used` and `expiresAt`. */
  find(code: string): AuthorizationCodeGrant | undefined {
    return this.grants.get(hashSecret(code));
  }

  /**
   * Drops the oldest unredeemed code (a Map iterates in insertion order): its client only has to
   * start again, while a spent code is kept to revoke what it issued if replayed. Only when every
   * code is spent does the oldest spent one go.
   */
  private evictOne(): void {
    let victim: string | undefined;
    for (const [hash, grant] of this.grants) {
      victim ??= hash;
      if (!grant.used) {
        victim = hash;
        break;
      }
    }
    if (victim !== undefined) this.grants.delete(victim);
  }

  private forgetOld(): void {
    const now = this.now();
    for (const [hash, grant] of this.grants) {
      if (grant.expiresAt + SPENT_CODE_MEMORY_SECONDS < now) this.grants.delete(hash);
    }
  }
}
