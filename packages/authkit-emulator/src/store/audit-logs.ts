import { newId } from "./ids.js";
import { getOrganization } from "./organizations.js";
import { isoNow, type StoreContext, insertRecord } from "./store-context.js";
import type { AuditLogExportRecord, AuditLogSchemaRecord } from "./types.js";
import { lookupById } from "./lookup.js";
import { checkAuditLogEvent, compileAuditLogSchema, rememberCompiledSchema } from "./audit-log-event-validation.js";

/**
 * Stores an audit log event and saves. The SDK always sends an `Idempotency-Key` and retries
 * with the same key, so a key seen before stores nothing and reports success again. An event
 * that breaks its action's schema is refused (`400 invalid_audit_log_event`) and not stored.
 *
 * @example
 * recordAuditEvent(ctx, { organizationId, event, idempotencyKey: req.get("idempotency-key") ?? null });
 */
export function recordAuditEvent(
  ctx: StoreContext,
  input: { organizationId: string; event: Record<string, unknown>; idempotencyKey: string | null },
): void {
  const { organizationId, event, idempotencyKey } = input;
  if (idempotencyKey !== null && ctx.state.auditEvents.some((e) => e.idempotency_key === idempotencyKey)) return;
  getOrganization(ctx, organizationId);
  checkAuditLogEvent(listAuditLogSchemas(ctx, String(event.action)), event);
  ctx.state.auditEvents.push({
    id: newId("audit_log_event"),
    organization_id: organizationId,
    idempotency_key: idempotencyKey,
    event,
    received_at: isoNow(ctx),
  });
  ctx.save();
}

export function listAuditEvents(ctx: StoreContext, organizationId?: string) {
  return ctx.state.auditEvents.filter((e) => organizationId === undefined || e.organization_id === organizationId);
}

/**
 * `auditLogs.createExport`. WorkOS builds the CSV asynchronously; the emulator has no file to
 * serve, so the export is `ready` at once with `url: null` (the API allows a null url).
 */
export function createAuditLogExport(
  ctx: StoreContext,
  input: { organizationId: string; rangeStart: string; rangeEnd: string },
): AuditLogExportRecord {
  getOrganization(ctx, input.organizationId);
  const now = isoNow(ctx);
  const record: AuditLogExportRecord = {
    object: "audit_log_export",
    id: newId("audit_log_export"),
    state: "ready",
    url: null,
    organization_id: input.organizationId,
    range_start: input.rangeStart,
    range_end: input.rangeEnd,
    created_at: now,
    updated_at: now,
  };
  insertRecord(ctx, "auditLogExports", record);
  return record;
}

export const getAuditLogExport = lookupById((state) => state.auditLogExports, "Audit log export").get;

/**
 * Each schema of an action is a new version (1, 2, ...), as WorkOS numbers them. Its metadata JSON
 * Schemas are compiled here, once, and a schema that does not compile is refused (422).
 */
export function createAuditLogSchema(
  ctx: StoreContext,
  action: string,
  schema: Pick<AuditLogSchemaRecord, "actor" | "targets" | "metadata">,
): AuditLogSchemaRecord {
  const compiled = compileAuditLogSchema(schema);
  const version = listAuditLogSchemas(ctx, action).length + 1;
  const record: AuditLogSchemaRecord = {
    object: "audit_log_schema",
    id: newId("audit_log_schema"),
    action,
    version,
    targets: schema.targets,
    ...(schema.actor === undefined ? {} : { actor: schema.actor }),
    ...(schema.metadata === undefined ? {} : { metadata: schema.metadata }),
    created_at: isoNow(ctx),
  };
  insertRecord(ctx, "auditLogSchemas", record);
  rememberCompiledSchema(record, compiled);
  return record;
}

export function listAuditLogSchemas(ctx: StoreContext, action: string): AuditLogSchemaRecord[] {
  return ctx.state.auditLogSchemas.filter((schema) => schema.action === action);
}
