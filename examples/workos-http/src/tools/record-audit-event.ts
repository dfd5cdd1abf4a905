import { z } from "zod";
import type { InferSchema, ToolMetadata } from "xmcp";
import { getClient, getSession, requireOrganization } from "@xmcp-dev/workos";

export const schema = {
  action: z
    .string()
    .regex(/^[a-z0-9_.:-]+$/, "lower-case action name such as report.exported")
    .describe("What happened, e.g. report.exported"),
  target: z.string().min(1).describe("Id of the thing it happened to"),
};

export const metadata: ToolMetadata = {
  name: "record-audit-event",
  description: "Writes an audit log event for an action the signed-in user took",
  annotations: { readOnlyHint: false, idempotentHint: false },
};

export default async function recordAuditEvent({ action, target }: InferSchema<typeof schema>) {
  const organizationId = requireOrganization();
  const { userId } = getSession();
  const idempotencyKey = crypto.randomUUID();
  await getClient().auditLogs.createEvent(
    organizationId,
    {
      action,
      occurredAt: new Date(),
      actor: { type: "user", id: userId },
      targets: [{ type: "resource", id: target }],
      context: { location: "127.0.0.1", userAgent: "xmcp-workos-example" },
    },
    { idempotencyKey },
  );
  return `Recorded ${action} on ${target} for ${userId} in ${organizationId} (idempotency key ${idempotencyKey})`;
}
