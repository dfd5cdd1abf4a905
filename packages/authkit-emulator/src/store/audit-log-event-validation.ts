import { Ajv, type ValidateFunction } from "ajv";
import { ApiError, type EventSchemaError, type FieldError } from "../http/api-error.js";
import type { AuditLogSchemaRecord } from "./types.js";

/**
 * The metadata parts of an audit log schema are JSON Schema (docs `audit-logs/metadata-schema`:
 * "the underlying JSON Schema for all `metadata` objects"), so a real validator checks them.
 * One instance for the process; `allErrors` so one 400 lists every broken property (the spec's
 * `errors` is a list). Ajv's strict mode stays on: a keyword it does not know fails the schema
 * at creation instead of silently checking nothing. `logger: false`: Ajv's strict-mode warnings
 * would otherwise go to the console, which library code never writes to.
 */
const ajv = new Ajv({ allErrors: true, logger: false });

/** One version of an action's schema, compiled: what an event of that version is checked with. */
export interface CompiledAuditLogSchema {
  actor: ValidateFunction | undefined;
  /** `{ enum: [listed types] }`, so an unlisted target type is reported the way Ajv reports it. */
  targetType: ValidateFunction;
  targets: Map<string, ValidateFunction | undefined>;
  metadata: ValidateFunction | undefined;
}

type SchemaParts = Pick<AuditLogSchemaRecord, "actor" | "targets" | "metadata">;

/** Compiled once per stored schema; records loaded from a `--data` file are compiled on first use. */
const compiledSchemas = new WeakMap<AuditLogSchemaRecord, CompiledAuditLogSchema>();

/**
 * Compiles an action schema's metadata JSON Schemas, refusing (422, one entry per bad part) any
 * that Ajv cannot compile. Called by `createAuditLogSchema` before the schema is stored.
 *
 * @example
 * const compiled = compileAuditLogSchema({ targets: [{ type: "team" }] });
 */
export function compileAuditLogSchema(schema: SchemaParts): CompiledAuditLogSchema {
  const problems: FieldError[] = [];
  const compile = (field: string, part: object | undefined): ValidateFunction | undefined => {
    if (part === undefined) return undefined;
    try {
      return ajv.compile(part);
    } catch {
      problems.push({ field, code: `${field.replace(/.*\./, "")}_must_be_object_schema` });
      return undefined;
    }
  };
  const targets = new Map<string, ValidateFunction | undefined>();
  schema.targets.forEach((target, index) => {
    const validate = compile(`targets[${index}].metadata`, target.metadata);
    // A type listed twice keeps its first metadata schema.
    if (!targets.has(target.type)) targets.set(target.type, validate);
  });
  const compiled: CompiledAuditLogSchema = {
    actor: compile("actor.metadata", schema.actor?.metadata),
    targetType: ajv.compile({ enum: [...targets.keys()] }),
    targets,
    metadata: compile("metadata", schema.metadata),
  };
  if (problems.length > 0) throw ApiError.validation(problems);
  return compiled;
}

/** Keeps `compiled` as the validator of the stored `record`. */
export function rememberCompiledSchema(record: AuditLogSchemaRecord, compiled: CompiledAuditLogSchema): void {
  compiledSchemas.set(record, compiled);
}

function compiledFor(record: AuditLogSchemaRecord): CompiledAuditLogSchema {
  let compiled = compiledSchemas.get(record);
  if (compiled === undefined) {
    compiled = compileAuditLogSchema(record);
    compiledSchemas.set(record, compiled);
  }
  return compiled;
}

/**
 * Checks an event (already shape-checked by `readAuditLogEventBody`) against its action's
 * schema, throwing WorkOS's `400 invalid_audit_log_event` with Ajv's errors, their
 * `instancePath` a JSON pointer into the event (spec: `POST /audit_logs/events`, 400).
 *
 * An action with no schema takes any event: the emulator has no dashboard where WorkOS
 * requires the action to be configured first (docs `audit-logs/index`), so it stays open.
 * The version is `event.version`, else 1: docs `audit-logs/editing-events` say a new version is
 * used only when an event names it, so existing emitters keep validating against the first.
 *
 * @example
 * checkAuditLogEvent(listAuditLogSchemas(ctx, event.action), event);
 */
export function checkAuditLogEvent(versions: AuditLogSchemaRecord[], event: Record<string, unknown>): void {
  if (versions.length === 0) return;
  const version = event.version ?? 1;
  const record = versions.find((schema) => schema.version === version);
  if (record === undefined) {
    // Not covered by the spec or docs: reported like any other mismatch, at the event's `/version`.
    const allowedValues = versions.map((schema) => schema.version);
    throw invalidEvent([{ instancePath: "/version", keyword: "enum", params: { allowedValues }, message: "must be equal to one of the allowed values" }]);
  }
  const errors = eventErrors(compiledFor(record), event);
  if (errors.length > 0) throw invalidEvent(errors);
}

function eventErrors(compiled: CompiledAuditLogSchema, event: Record<string, unknown>): EventSchemaError[] {
  const actor = event.actor as { metadata?: unknown };
  const targets = event.targets as { type: string; metadata?: unknown }[];
  return [
    ...partErrors(compiled.actor, actor.metadata, "/actor/metadata"),
    ...targets.flatMap((target, index) =>
      compiled.targets.has(target.type)
        ? partErrors(compiled.targets.get(target.type), target.metadata, `/targets/${index}/metadata`)
        : partErrors(compiled.targetType, target.type, `/targets/${index}/type`),
    ),
    ...partErrors(compiled.metadata, event.metadata, "/metadata"),
  ];
}

/**
 * Absent metadata is checked as `{}`: an event without it still fails a schema that requires a
 * property ("When an event is emitted that does not match the provided schema, an error will
 * be returned", docs `audit-logs/metadata-schema`).
 */
function partErrors(validate: ValidateFunction | undefined, value: unknown, pointer: string): EventSchemaError[] {
  if (validate === undefined || validate(value ?? {})) return [];
  return (validate.errors ?? []).map((error) => ({
    instancePath: `${pointer}${error.instancePath}`,
    keyword: error.keyword,
    params: error.params,
    message: error.message ?? "is invalid",
  }));
}

function invalidEvent(errors: EventSchemaError[]): ApiError {
  // Code and message as the spec's 400 example: `invalid_audit_log_event`, "Invalid Audit Log event.".
  return new ApiError("invalid_audit_log_event", "Invalid Audit Log event.", { errors });
}
