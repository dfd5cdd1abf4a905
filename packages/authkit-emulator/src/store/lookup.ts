import { ApiError } from "../http/api-error.js";
import type { StoreContext } from "./store-context.js";
import type { EmulatorState } from "./types.js";

/** The record, or the 404 WorkOS answers for it, naming `key` in `entity_id`. */
export function requireRecord<T>(record: T | undefined, entity: string, key: string): T {
  if (record === undefined) throw ApiError.notFound(entity, key);
  return record;
}

/**
 * `find` (undefined when absent) and `get` (WorkOS's 404 when absent) for records kept by id in
 * one array of the state. The array is read on every call: `reset()` replaces the state's arrays.
 *
 * @example
 * const users = lookupById((state) => state.users, "User");
 * export const findUser = users.find;
 * export const getUser = users.get;
 */
export function lookupById<T extends { id: string }>(select: (state: EmulatorState) => readonly T[], entity: string) {
  const find = (ctx: Pick<StoreContext, "state">, id: string): T | undefined => select(ctx.state).find((record) => record.id === id);
  const get = (ctx: Pick<StoreContext, "state">, id: string): T => requireRecord(find(ctx, id), entity, id);
  return { find, get };
}
