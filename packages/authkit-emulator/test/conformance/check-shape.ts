/**
 * A field as the references describe it: the JSON types it may take (`null` included when the
 * references allow it), a literal for `object` discriminators, whether it must be present, and
 * the shape of a nested object or of array items.
 */
export interface Field {
  types: readonly JsonType[];
  required: boolean;
  literal?: string | boolean;
  oneOf?: readonly string[];
  shape?: Shape;
  items?: Shape | JsonType;
}

export type JsonType = "string" | "number" | "boolean" | "object" | "array" | "null";
export type Shape = Readonly<Record<string, Field>>;

const field =
  (required: boolean) =>
  (...types: JsonType[]): Field => ({ types, required });

/** Present in every response (required in `@workos-inc/node` or `@workos/openapi-spec`). */
export const required = field(true);
/** Allowed but not always sent (optional in both references). */
export const optional = field(false);

export function literal(value: string | boolean): Field {
  return { types: [typeof value === "boolean" ? "boolean" : "string"], required: true, literal: value };
}

export function oneOf(values: readonly string[], presence: "required" | "optional" = "required"): Field {
  return { types: ["string"], required: presence === "required", oneOf: values };
}

export function nested(shape: Shape, presence: "required" | "optional" = "required", nullable = false): Field {
  return { types: nullable ? ["object", "null"] : ["object"], required: presence === "required", shape };
}

export function arrayOf(items: Shape | JsonType, presence: "required" | "optional" = "required"): Field {
  return { types: ["array"], required: presence === "required", items };
}

function typeOf(value: unknown): JsonType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value as JsonType;
}

/**
 * Every way `value` differs from `shape`: a missing required field, a wrong type, a wrong
 * literal or enum value, and any field the references do not list (a drift in either direction
 * fails).
 *
 * @example
 * expect(shapeProblems(json, USER)).toEqual([]);
 */
export function shapeProblems(value: unknown, shape: Shape, path = "$"): string[] {
  if (typeOf(value) !== "object") return [`${path}: expected an object, got ${typeOf(value)}`];
  const record = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(record)) {
    if (!(key in shape)) problems.push(`${path}.${key}: not in the references`);
  }
  for (const [key, spec] of Object.entries(shape)) {
    const at = `${path}.${key}`;
    if (!(key in record) || record[key] === undefined) {
      if (spec.required) problems.push(`${at}: required, missing`);
      continue;
    }
    problems.push(...fieldProblems(record[key], spec, at));
  }
  return problems;
}

function fieldProblems(value: unknown, spec: Field, at: string): string[] {
  const type = typeOf(value);
  if (!spec.types.includes(type)) return [`${at}: expected ${spec.types.join(" | ")}, got ${type}`];
  if (spec.literal !== undefined && value !== spec.literal) return [`${at}: expected ${JSON.stringify(spec.literal)}, got ${JSON.stringify(value)}`];
  if (spec.oneOf !== undefined && !spec.oneOf.includes(value as string)) return [`${at}: ${JSON.stringify(value)} is not one of ${spec.oneOf.join(", ")}`];
  if (type === "object" && spec.shape !== undefined) return shapeProblems(value, spec.shape, at);
  if (type === "array" && spec.items !== undefined) {
    const items = spec.items;
    return (value as unknown[]).flatMap((item, index) =>
      typeof items === "string"
        ? typeOf(item) === items
          ? []
          : [`${at}[${index}]: expected ${items}, got ${typeOf(item)}`]
        : shapeProblems(item, items, `${at}[${index}]`),
    );
  }
  return [];
}
