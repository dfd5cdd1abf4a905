import type { EmulatorContext } from "../context.js";

/**
 * What a store module needs from the emulator: the live state, the debounced save and the clock.
 * Every `EmulatorContext` is one; tests can build a smaller one.
 */
export type StoreContext = Pick<EmulatorContext, "state" | "save" | "now">;

/** The context's clock as the ISO 8601 timestamp WorkOS puts in `created_at` / `updated_at`. */
export function isoNow(ctx: Pick<StoreContext, "now">): string {
  return new Date(ctx.now() * 1000).toISOString();
}
