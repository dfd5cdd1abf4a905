import type { EmulatorContext } from "../context.js";
import { listSigningKeys } from "../store/signing-keys.js";
import type { SigningKeyRecord } from "../store/types.js";

/**
 * A retired key stays published for the lifetime of the last token it signed plus this margin,
 * so resource servers with a little clock skew still find it (RFC 7517 gives no number; 60 s is
 * the skew most JWT libraries tolerate by default).
 */
export const RETIRED_KEY_GRACE_SECONDS = 60;

/** The key new tokens are signed with: the newest one that has not been retired. */
export function findActiveSigningKey(keys: readonly SigningKeyRecord[]): SigningKeyRecord | undefined {
  return keys
    .filter((key) => key.retired_at === null)
    .sort((a, b) => b.created_at - a.created_at)[0];
}

/** True while a token signed with this key could still be unexpired. */
export function isStillPublished(ctx: EmulatorContext, key: SigningKeyRecord): boolean {
  if (key.retired_at === null) return true;
  return key.retired_at + ctx.accessTokenTtl + RETIRED_KEY_GRACE_SECONDS > ctx.now();
}

/**
 * The JWK Set served at `/oauth2/jwks` and `/sso/jwks/:clientId`: public halves only.
 *
 * @example
 * res.json(publishedJwks(ctx));
 */
export function publishedJwks(ctx: EmulatorContext): { keys: Record<string, unknown>[] } {
  return { keys: listSigningKeys(ctx).filter((key) => isStillPublished(ctx, key)).map((key) => key.publicJwk) };
}
