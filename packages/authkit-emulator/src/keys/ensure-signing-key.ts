import type { EmulatorContext } from "../context.js";
import { addSigningKey, listSigningKeys } from "../store/signing-keys.js";
import type { SigningKeyRecord } from "../store/types.js";
import { generateSigningKey } from "./generate-signing-key.js";
import { findActiveSigningKey } from "./published-signing-keys.js";

/** One generation at a time per context, so two first requests do not publish two keys. */
const inFlight = new WeakMap<EmulatorContext, Promise<SigningKeyRecord>>();

/**
 * Returns the active signing key, generating and persisting one on first start
 * (when `state.keys` holds no unretired key).
 *
 * @example
 * const key = await ensureSigningKey(ctx); // call once at start-up; cheap afterwards
 */
export async function ensureSigningKey(ctx: EmulatorContext): Promise<SigningKeyRecord> {
  const active = findActiveSigningKey(listSigningKeys(ctx));
  if (active) return active;
  const running = inFlight.get(ctx);
  if (running) return running;
  const created = (async () => {
    const key = await generateSigningKey(ctx.now());
    addSigningKey(ctx, key);
    ctx.logger.info(`Generated development signing key ${key.kid} (RS256). Development only.`);
    return key;
  })().finally(() => inFlight.delete(ctx));
  inFlight.set(ctx, created);
  return created;
}
