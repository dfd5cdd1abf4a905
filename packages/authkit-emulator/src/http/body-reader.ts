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

  /** A string, or an explicit `null` (WorkOS clears a field that way); absent is `undefined`. */
  optionalNullableString(field: string): string | null | undefined {
    return this.body[field] === null ? null : this.optionalString(field);
  }

  optionalInteger(field: string): number | undefined {
    const value = this.body[field];
    if (value === undefined) return undefined;
    if (typeof value !== "number" || !Number.isInteger(value)) return this.fail(field, `${field}_must_be_integer`);
    return value;
  }

  /** Metadata changes: string values set keys, `null` deletes them; at most `maxKeys` keys sent. */
  optionalMetadata(field: string, maxKeys: number): Record<string, string | null> | undefined {
    const value = this.body[field];
    if (value === undefined) return undefined;
    if (typeof value !== "object" || value === null || Array.isArray(value)) return this.fail(field, `${field}_must_be_object`);
    const entries = Object.entries(value);
    if (entries.length > maxKeys) return this.fail(field, `${field}_too_many_keys`);
    const bad = entries.find(([, item]) => item !== null && typeof item !== "string");
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
