import { ApiError } from "../http/api-error.js";

/**
 * WorkOS docs (`authkit/metadata.mdx`): "up to 10 key-value pairs" per user or organization. The
 * spec's `maxProperties` is 50 (`UpdateUserlandUserDto`, `OrganizationDto`, …); as with external
 * ids below, the emulator holds the stricter one, so metadata it accepts WorkOS accepts too.
 */
export const MAX_METADATA_KEYS = 10;
/** Same page: "Key: Up to 40 characters long" (spec `propertyNames.maxLength: 40`). */
export const MAX_METADATA_KEY_LENGTH = 40;
/** Same page: "Value: Up to 600 characters long" (spec `additionalProperties.maxLength: 600`). */
export const MAX_METADATA_VALUE_LENGTH = 600;

/**
 * Same page: external identifiers "are limited to 64 characters". The spec's `maxLength` is 128;
 * the emulator holds the stricter one, so an id it accepts WorkOS accepts too.
 */
export const MAX_EXTERNAL_ID_LENGTH = 64;

const ASCII = /^[\x00-\x7f]*$/;

/** The 400 `invalid_metadata` `{ code, message }` of `POST`/`PUT` users and organizations in `@workos/openapi-spec`. */
function invalidMetadata(message: string): ApiError {
  return new ApiError("invalid_metadata", message);
}

/** Keys and values as `authkit/metadata.mdx` limits them: at most 40 and 600 characters, ASCII only. */
function checkMetadataChanges(changes: Record<string, string | null>): void {
  for (const [key, value] of Object.entries(changes)) {
    if (key.length > MAX_METADATA_KEY_LENGTH) {
      throw invalidMetadata(`Metadata keys must be at most ${MAX_METADATA_KEY_LENGTH} characters.`);
    }
    if (value !== null && value.length > MAX_METADATA_VALUE_LENGTH) {
      throw invalidMetadata(`Metadata values must be at most ${MAX_METADATA_VALUE_LENGTH} characters.`);
    }
    if (!ASCII.test(key) || (value !== null && !ASCII.test(value))) {
      throw invalidMetadata("Metadata keys and values must be ASCII.");
    }
  }
}

/**
 * Applies a metadata update as `authkit/metadata.mdx` describes it: partial (absent keys stay), a
 * string sets a key, `null` deletes it, and an empty object deletes every key. Keys and values
 * over the limits, and a result over 10 keys, are WorkOS's 400 `invalid_metadata`.
 *
 * @example
 * applyMetadataChanges({ a: "1", b: "2" }, { a: null }); // { b: "2" }
 * applyMetadataChanges({ a: "1" }, {}); // {}
 */
export function applyMetadataChanges(current: Record<string, string>, changes: Record<string, string | null>): Record<string, string> {
  checkMetadataChanges(changes);
  if (Object.keys(changes).length === 0) return {};
  const merged = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  if (Object.keys(merged).length > MAX_METADATA_KEYS) {
    throw invalidMetadata(`Metadata can hold at most ${MAX_METADATA_KEYS} keys.`);
  }
  return merged;
}
