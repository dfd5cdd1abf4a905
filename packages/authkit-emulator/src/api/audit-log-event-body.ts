import { BodyReader } from "../http/body-reader.js";

export interface AuditLogEventBody {
  organization_id: string;
  event: Record<string, unknown>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An actor or a target: `{ id, type }` required, `name` and `metadata` optional. */
function checkEntity(body: BodyReader, field: string, value: unknown): void {
  if (!isObject(value)) {
    body.fail(field, `${field}_required`);
    return;
  }
  if (typeof value.id !== "string" || value.id === "") body.fail(`${field}.id`, "id_required");
  if (typeof value.type !== "string" || value.type === "") body.fail(`${field}.type`, "type_required");
  if (value.metadata !== undefined && !isObject(value.metadata)) body.fail(`${field}.metadata`, "metadata_must_be_object");
}

/**
 * Validate POST /audit_logs/events as `serializeCreateAuditLogEventOptions` builds it, reporting
 * every bad field in one 422 (field paths like `event.actor.id`, as WorkOS names them).
 */
export function readAuditLogEventBody(raw: unknown): AuditLogEventBody {
  const body = new BodyReader(raw);
  const organizationId = body.requiredString("organization_id");
  const event = body.raw("event");
  if (!isObject(event)) {
    body.fail("event", "event_required");
    body.finish();
  }
  const e = event as Record<string, unknown>;
  if (typeof e.action !== "string" || e.action === "") body.fail("event.action", "action_required");
  if (typeof e.occurred_at !== "string" || Number.isNaN(Date.parse(e.occurred_at))) {
    body.fail("event.occurred_at", "occurred_at_must_be_iso_date");
  }
  if (e.version !== undefined && (!Number.isInteger(e.version) || (e.version as number) < 1)) {
    body.fail("event.version", "version_must_be_positive_integer");
  }
  checkEntity(body, "event.actor", e.actor);
  if (!Array.isArray(e.targets)) body.fail("event.targets", "targets_must_be_array");
  else e.targets.forEach((target, index) => checkEntity(body, `event.targets[${index}]`, target));
  if (!isObject(e.context)) body.fail("event.context", "context_required");
  else if (typeof e.context.location !== "string" || e.context.location === "") {
    body.fail("event.context.location", "location_required");
  }
  if (e.metadata !== undefined && !isObject(e.metadata)) body.fail("event.metadata", "metadata_must_be_object");
  body.finish();
  return { organization_id: organizationId as string, event: e };
}
