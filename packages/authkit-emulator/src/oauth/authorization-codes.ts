import { createSecret, hashSecret } from "./secrets.js";

/** RFC 6749 §4.1.2 recommends at most 10 minutes; AuthKit-style short codes keep replay windows small. */
export const AUTHORIZATION_CODE_TTL_SECONDS = 60;
/** Spent codes are remembered this long so a replay can still revoke what the code produced (RFC 6749 §4.1.2). */
const SPENT_CODE_MEMORY_SECONDS = 600;

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

  constructor(private readonly now: () => number) {}

  /**
   * @example
   * const code = store.issue({ ...binding, expiresAt: now + AUTHORIZATION_CODE_TTL_SECONDS, used: false });
   */
  issue(grant: AuthorizationCodeGrant): string {
    this.forgetOld();
    const code = createSecret();
    this.grants.set(hashSecret(code), grant);
    return code;
  }

  /** The grant behind a code, spent or not; callers check `used` and `expiresAt`. */
  find(code: string): AuthorizationCodeGrant | undefined {
    return this.grants.get(hashSecret(code));
  }

  private forgetOld(): void {
    const now = this.now();
    for (const [hash, grant] of this.grants) {
      if (grant.expiresAt + SPENT_CODE_MEMORY_SECONDS < now) this.grants.delete(hash);
    }
  }
}
