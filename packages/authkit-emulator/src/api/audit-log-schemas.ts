import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { ApiError } from "../http/api-error.js";
import { BodyReader } from "../http/body-reader.js";
import { createAuditLogSchema, listAuditLogSchemas } from "../store/audit-logs.js";
import type { AuditLogMetadataSchema } from "../store/types.js";
import { paginate } from "./pagination.js";
import { serializeAuditLogSchema } from "./serialize.js";

const METADATA_TYPES = new Set(["string", "boolean", "number"]);

/**
 * `auditLogs.createSchema / listSchemas`: POST and GET /audit_logs/actions/:action/schemas.
 * Schemas are stored and versioned, and "used to validate the payload of incoming Audit Log
 * Events" (spec, Create Schema): `POST /audit_logs/events` checks each event against one.
 */
export function auditLogSchemasRouter(ctx: EmulatorContext): Router {
  const router = Router();

  router.post("/audit_logs/actions/:action/schemas", (req, res) => {
    const body = new BodyReader(req.body);
    const targets = readTargets(body);
    const actor = readActor(body);
    const metadata = readMetadataSchema(body, "metadata", body.raw("metadata"));
    body.finish();
    const record = createAuditLogSchema(ctx, req.params.action, { targets, actor, metadata });
    res.status(201).json(serializeAuditLogSchema(record));
  });

  router.get("/audit_logs/actions/:action/schemas", (req, res) => {
    const schemas = listAuditLogSchemas(ctx, req.params.action);
    if (schemas.length === 0) throw ApiError.notFound("Audit log action", req.params.action);
    res.json(paginate(schemas, req.query as Record<string, unknown>, serializeAuditLogSchema));
  });

  return router;
}

/** `{ type: "object", properties: { key: { type: "string" | "boolean" | "number" } } }`, as the SDK sends it. */
function readMetadataSchema(body: BodyReader, field: string, raw: unknown): AuditLogMetadataSchema | undefined {
  if (raw === undefined) return undefined;
  const value = raw as { type?: unknown; properties?: unknown };
  const properties = value?.properties;
  if (
    typeof raw !== "object" ||
    raw === null ||
    value.type !== "object" ||
    typeof properties !== "object" ||
    properties === null ||
    !Object.values(properties).every((p) => METADATA_TYPES.has((p as { type?: string } | null)?.type ?? ""))
  ) {
    return body.fail(field, `${field.replace(/.*\./, "")}_must_be_object_schema`);
  }
  return raw as AuditLogMetadataSchema;
}

function readActor(body: BodyReader): { metadata: AuditLogMetadataSchema } | undefined {
  const raw = body.raw("actor") as { metadata?: unknown } | undefined;
  if (raw === undefined) return undefined;
  const metadata = readMetadataSchema(body, "actor.metadata", raw?.metadata ?? null);
  return metadata === undefined ? undefined : { metadata };
}

function readTargets(body: BodyReader): { type: string; metadata?: AuditLogMetadataSchema }[] {
  const raw = body.raw("targets");
  if (!Array.isArray(raw)) {
    body.fail("targets", "targets_must_be_array");
    return [];
  }
  return raw.map((entry: unknown, index) => {
    const target = (entry ?? {}) as { type?: unknown; metadata?: unknown };
    if (typeof target.type !== "string" || target.type === "") body.fail(`targets[${index}].type`, "type_required");
    const metadata = readMetadataSchema(body, `targets[${index}].metadata`, target.metadata);
    return { type: String(target.type), ...(metadata === undefined ? {} : { metadata }) };
  });
}
