import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { ApiError } from "../http/api-error.js";
import { newId } from "../store/ids.js";
import { readAuditLogEventBody } from "./audit-log-event-body.js";

/**
 * `auditLogs.createEvent`: POST /audit_logs/events. The SDK always sends an `Idempotency-Key`
 * (its own random one when the caller gives none) and retries with the same key, so a key seen
 * before returns the original answer without storing the event twice.
 * Stored events are read back from the admin API (`GET /_emulator/audit-events`).
 */
export function auditLogEventsRouter(ctx: EmulatorContext): Router {
  const router = Router();

  router.post("/audit_logs/events", (req, res) => {
    const idempotencyKey = req.get("idempotency-key") || null;
    if (idempotencyKey !== null && ctx.state.auditEvents.some((e) => e.idempotency_key === idempotencyKey)) {
      res.status(201).json({ success: true });
      return;
    }
    const { organization_id: organizationId, event } = readAuditLogEventBody(req.body);
    if (!ctx.state.organizations.some((org) => org.id === organizationId)) {
      throw ApiError.notFound("Organization", organizationId);
    }
    ctx.state.auditEvents.push({
      id: newId("audit_log_event"),
      organization_id: organizationId,
      idempotency_key: idempotencyKey,
      event,
      received_at: new Date(ctx.now() * 1000).toISOString(),
    });
    ctx.save();
    res.status(201).json({ success: true });
  });

  return router;
}
