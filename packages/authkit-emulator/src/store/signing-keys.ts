import { removeWhere } from "./remove-where.js";
import { type StoreContext, insertRecord } from "./store-context.js";
import type { SigningKeyRecord } from "./types.js";

/** Every stored signing key, published or not yet dropped. */
export function listSigningKeys(ctx: Pick<StoreContext, "state">): readonly SigningKeyRecord[] {
  return ctx.state.keys;
}

/** Stores a new key and saves. */
export function addSigningKey(ctx: StoreContext, key: SigningKeyRecord): void {
  insertRecord(ctx, "keys", key);
}

/**
 * Marks every active key retired at `now`, drops the keys `keep` no longer wants published,
 * adds `next`, and saves: one write for the whole rotation.
 */
export function rotateSigningKeys(ctx: StoreContext, next: SigningKeyRecord, keep: (key: SigningKeyRecord) => boolean): void {
  for (const key of ctx.state.keys) {
    if (key.retired_at === null) key.retired_at = ctx.now();
  }
  removeWhere(ctx.state.keys, (key) => !keep(key));
  insertRecord(ctx, "keys", next);
}
