import { ApiError, type FieldError } from "./api-error.js";

type Body = Record<string, unknown>;

/**
 * Collects every field problem of one request body before failing, so a 422 lists them all
 * (as WorkOS does) instead of reporting one mistake per round trip.
 *
 * @example
 * const body = new BodyReader(req.body);
 * const email = body.requiredString("email");
 * body.finish(); // throws a 422 ApiError listing every problem found
 */
export class BodyReader {
  readonly errors: FieldError[] = [];
  private readonly body: Body;

  constructor(body: unknown) {
    this.body = typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Body) : {};
  }

  has(field: string): boolean {
    return this.body[field] !== undefined;
  }

  raw(field: string): unknown {
    return this.body[field];
  }

  fail(field: string, code: string): undefined {
    this.errors.push({ field, code });
    return undefined;
  }

  requiredString(field: string): string | undefined {
    const value = this.body[field];
    if (value === undefined || value === null || value === "") return this.fail(field, `${field}_required`);
    if (typeof value !== "string") return this.fail(field, `${field}_must_be_string`);
    return value;
  }

  optionalString(field: string): string | undefined {
    return this.has(field) ? this.requiredString(field) : undefined;
  }

  /**
   * A string, or an explicit `null` (WorkOS clears a field that way); absent is `undefined`.
   * Longer than `maxLength` is a `<field>_too_long` field error.
   */
  optionalNullableString(field: string, maxLength = Number.POSITIVE_INFINITY): string | null | undefined {
    if (this.body[field] === null) return null;
    const value = this.optionalString(field);
    if (value !== undefined && value.length > maxLength) return this.fail(field, `${field}_too_long`);
    return value;
  }

  /**
   * Reads `field` with `read`, taking an explicit `null` as absent: where the spec types a field
   * `T | null` and `null` means "the default" (`email_verified`, `password` on create).
   *
   * @example
   * const verified = body.nullAsAbsent("email_verified", (f) => body.optionalBoolean(f));
   */
  nullAsAbsent<T>(field: string, read: (field: string) => T | undefined): T | undefined {
    return this.body[field] === null ? undefined : read(field);
  }

  optionalInteger(field: string): number | undefined {
    const value = this.body[field];
    if (value === undefined) return undefined;
    if (typeof value !== "number" || !Number.isInteger(value)) return this.fail(field, `${field}_must_be_integer`);
    return value;
  }

  /**
   * Metadata changes: string values set keys, `null` deletes them. `metadata: null` is accepted
   * (the spec types it `object | null`) and changes nothing. The limits on keys and values are the
   * store's (`applyMetadataChanges`), which answers them as WorkOS does.
   */
  optionalMetadata(field: string): Record<string, string | null> | undefined {
    const value = this.body[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "object" || Array.isArray(value)) return this.fail(field, `${field}_must_be_object`);
    const bad = Object.entries(value).find(([, item]) => item !== null && typeof item !== "string");
    if (bad !== undefined) return this.fail(`${field}.${bad[0]}`, `${field}_value_must_be_string`);
    return value as Record<string, string | null>;
  }

  optionalBoolean(field: string): boolean | undefined {
    const value = this.body[field];
    if (value === undefined) return undefined;
    if (typeof value !== "boolean") return this.fail(field, `${field}_must_be_boolean`);
    return value;
  }

  optionalEmail(field: string): string | undefined {
    const value = this.optionalString(field);
    if (value !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return this.fail(field, `${field}_invalid`);
    return value?.toLowerCase();
  }

  requiredEmail(field: string): string | undefined {
    if (!this.has(field)) return this.fail(field, `${field}_required`);
    return this.optionalEmail(field);
  }

  optionalStringArray(field: string): string[] | undefined {
    const value = this.body[field];
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) {
      return this.fail(field, `${field}_must_be_array_of_strings`);
    }
    return value as string[];
  }

  /** Throws one 422 carrying every problem recorded so far. */
  finish(): void {
    if (this.errors.length > 0) throw ApiError.validation(this.errors);
  }
}
