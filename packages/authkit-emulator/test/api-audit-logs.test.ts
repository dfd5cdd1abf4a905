import { NotFoundException, UnprocessableEntityException } from "@workos-inc/node";
import { describe, expect, it } from "vitest";
import { SEED, useEmulatorWithSdk } from "./sdk-client.js";

const env = useEmulatorWithSdk();

const event = {
  action: "report.exported",
  occurredAt: new Date("2026-02-01T10:00:00.000Z"),
  actor: { id: SEED.alice, type: "user", name: "Alice" },
  targets: [{ id: "report_1", type: "report" }],
  context: { location: "127.0.0.1", userAgent: "vitest" },
  metadata: { format: "csv" },
};

async function adminEvents(query = ""): Promise<{ data: { idempotency_key: string; organization_id: string; event: Record<string, unknown> }[] }> {
  const res = await fetch(`${env.emulator.url}/_emulator/audit-events${query}`);
  return res.json() as never;
}

describe("auditLogs.createEvent", () => {
  it("stores the event, readable from the admin API in wire shape", async () => {
    await env.workos.auditLogs.createEvent(SEED.acme, event, { idempotencyKey: "key-stored" });
    const { data } = await adminEvents(`?organization_id=${SEED.acme}`);
    const stored = data.find((e) => e.idempotency_key === "key-stored");
    expect(stored?.organization_id).toBe(SEED.acme);
    expect(stored?.event).toMatchObject({
      action: "report.exported",
      occurred_at: "2026-02-01T10:00:00.000Z",
      actor: { id: SEED.alice, type: "user" },
      context: { location: "127.0.0.1", user_agent: "vitest" },
      metadata: { format: "csv" },
    });
  });

  it("the same Idempotency-Key twice stores the event once", async () => {
    await env.workos.auditLogs.createEvent(SEED.acme, event, { idempotencyKey: "key-twice" });
    await env.workos.auditLogs.createEvent(SEED.acme, event, { idempotencyKey: "key-twice" });
    await env.workos.auditLogs.createEvent(SEED.acme, event, { idempotencyKey: "key-other" });
    const { data } = await adminEvents();
    expect(data.filter((e) => e.idempotency_key === "key-twice")).toHaveLength(1);
    expect(data.filter((e) => e.idempotency_key === "key-other")).toHaveLength(1);
  });

  it("an invalid event is a 422 listing every bad field", async () => {
    const before = (await adminEvents()).data.length;
    const broken = { ...event, action: "", actor: { name: "nobody" }, targets: "none", context: {} };
    const error = await env.workos.auditLogs.createEvent(SEED.acme, broken as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityException);
    const message = (error as UnprocessableEntityException).message;
    for (const code of ["action_required", "id_required", "type_required", "targets_must_be_array", "location_required"]) {
      expect(message).toContain(code);
    }
    expect((await adminEvents()).data.length).toBe(before);

    const raw = await fetch(`${env.emulator.url}/audit_logs/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${env.emulator.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ organization_id: SEED.acme }),
    });
    expect(raw.status).toBe(422);
    expect(await raw.json()).toEqual({
      code: "invalid_request_parameters",
      message: "Validation failed.",
      errors: [{ field: "event", code: "event_required" }],
    });
  });

  it("an unknown organization is a 404", async () => {
    const error = await env.workos.auditLogs.createEvent("org_missing", event).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundException);
  });
});
