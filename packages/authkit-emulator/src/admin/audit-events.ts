import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { queryString } from "../api/pagination.js";
import { listAuditEvents } from "../store/audit-logs.js";

/** GET /_emulator/audit-events[?organization_id=]: what `auditLogs.createEvent` stored, oldest first. */
export function adminAuditEventsRouter(ctx: EmulatorContext): Router {
  const router = Router();

  router.get("/_emulator/audit-events", (req, res) => {
    const organizationId = queryString(req.query as Record<string, unknown>, "organization_id");
    res.json({ object: "list", data: listAuditEvents(ctx, organizationId) });
  });

  return router;
}
