import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { BodyReader } from "../http/body-reader.js";
import { createAuditLogExport, getAuditLogExport } from "../store/audit-logs.js";
import { serializeAuditLogExport } from "./serialize.js";

/** `auditLogs.createExport / getExport`: POST /audit_logs/exports, GET /audit_logs/exports/:id. */
export function auditLogExportsRouter(ctx: EmulatorContext): Router {
  const router = Router();

  router.post("/audit_logs/exports", (req, res) => {
    const body = new BodyReader(req.body);
    const organizationId = body.requiredString("organization_id");
    const rangeStart = readDate(body, "range_start");
    const rangeEnd = readDate(body, "range_end");
    for (const field of ["actions", "actors", "actor_names", "actor_ids", "targets"]) body.optionalStringArray(field);
    body.finish();
    const record = createAuditLogExport(ctx, {
      organizationId: organizationId as string,
      rangeStart: rangeStart as string,
      rangeEnd: rangeEnd as string,
    });
    res.status(201).json(serializeAuditLogExport(record));
  });

  router.get("/audit_logs/exports/:id", (req, res) => {
    res.json(serializeAuditLogExport(getAuditLogExport(ctx, req.params.id)));
  });

  return router;
}

function readDate(body: BodyReader, field: string): string | undefined {
  const value = body.requiredString(field);
  if (value !== undefined && Number.isNaN(Date.parse(value))) return body.fail(field, `${field}_must_be_iso_date`);
  return value;
}
