import type { EmulatorContext } from "../context.js";
import type { EmulatorState } from "./types.js";

/**
 * What a store module needs from the emulator: the live state, the debounced save and the clock.
 * Every `EmulatorContext` is one; tests can build a smaller one.
 */
export type StoreContext = Pick<EmulatorContext, "state" | "save" | "now">;

/** The context's clock as the ISO 8601 timestamp WorkOS puts in `created_at` / `updated_at`. */
export function isoNow(ctx: Pick<StoreContext, "now">): string {
  return new Date(ctx.now() * 1000).toISOString();
}

/** The state's lists of records (users, sessions, invitations…). */
type RecordList = { [K in keyof EmulatorState]-?: EmulatorState[K] extends readonly unknown[] ? K : never }[keyof EmulatorState];

/**
 * Appends `record` to the state's `list` and saves: the one way a new record is stored, so
 * "every write is persisted" holds in one place. Returns the record.
 */
export function insertRecord<K extends RecordList>(ctx: StoreContext, list: K, record: EmulatorState[K][number]): EmulatorState[K][number] {
  (ctx.state[list] as EmulatorState[K][number][]).push(record);
  ctx.save();
  return record;
}
