import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { recordAuditEvent } from "../store/audit-logs.js";
import { readAuditLogEventBody } from "./audit-log-event-body.js";

/**
 * `auditLogs.createEvent`: POST /audit_logs/events, answered `200 { success: true }`
 * (`@workos/openapi-spec` AuditLogEventCreateResponse), or `400 invalid_audit_log_event` when
 * the event breaks its action's schema (see `checkAuditLogEvent`). The same `Idempotency-Key`
 * twice stores the event once. Stored events are read back from the admin API (`GET /_emulator/audit-events`).
 */
export function auditLogEventsRouter(ctx: EmulatorContext): Router {
  const router = Router();

  router.post("/audit_logs/events", (req, res) => {
    const { organization_id: organizationId, event } = readAuditLogEventBody(req.body);
    recordAuditEvent(ctx, { organizationId, event, idempotencyKey: req.get("idempotency-key") || null });
    res.status(200).json({ success: true });
  });

  return router;
}
