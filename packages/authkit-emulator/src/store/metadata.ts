import { ApiError } from "../http/api-error.js";

/** WorkOS metadata holds at most 10 keys. */
export const MAX_METADATA_KEYS = 10;

/**
 * WorkOS merges metadata updates: a string sets a key, `null` deletes it, absent keys stay.
 * A result over 10 keys is a 422 on `metadata`.
 */
export function mergeMetadata(current: Record<string, string>, changes: Record<string, string | null>): Record<string, string> {
  const merged = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  if (Object.keys(merged).length > MAX_METADATA_KEYS) {
    throw ApiError.validation([{ field: "metadata", code: "metadata_too_many_keys" }]);
  }
  return merged;
}
