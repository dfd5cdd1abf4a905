import { BadRequestException, NotFoundException, UnprocessableEntityException } from "@workos-inc/node";
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

type Metadata = Record<string, string | number | boolean>;

/** An `invoice.paid`-style event for `action`, each metadata part overridable. */
function paidEvent(
  action: string,
  parts: { actor?: Metadata; target?: Metadata; metadata?: Metadata; targetType?: string; version?: number } = {},
) {
  return {
    action,
    ...(parts.version === undefined ? {} : { version: parts.version }),
    occurredAt: new Date("2026-02-01T10:00:00.000Z"),
    actor: { id: SEED.alice, type: "user", metadata: parts.actor ?? { role: "admin" } },
    targets: [{ id: "invoice_1", type: parts.targetType ?? "invoice", metadata: parts.target ?? { cost: 10 } }],
    context: { location: "127.0.0.1" },
    metadata: parts.metadata ?? { transactionId: "tx_1" },
  };
}

/** Typed metadata for every part, through the SDK's `createSchema` as an application would. */
async function createPaidSchema(action: string): Promise<void> {
  await env.workos.auditLogs.createSchema({
    action,
    actor: { metadata: { role: "string" } },
    targets: [{ type: "invoice", metadata: { cost: "number" } }],
    metadata: { transactionId: "string" },
  });
}

async function refusal(action: string, event: object): Promise<BadRequestException> {
  const error = await env.workos.auditLogs.createEvent(SEED.acme, event as never).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BadRequestException);
  expect(error).toMatchObject({ status: 400, code: "invalid_audit_log_event", message: "Invalid Audit Log event." });
  expect((await adminEvents()).data.filter((e) => e.event.action === action)).toHaveLength(0);
  return error as BadRequestException;
}

describe("auditLogs.createEvent checked against the action's schema", () => {
  it("accepts an event that matches, optional properties left out and extra ones kept", async () => {
    await createPaidSchema("invoice.paid");
    await env.workos.auditLogs.createEvent(SEED.acme, paidEvent("invoice.paid"));
    await env.workos.auditLogs.createEvent(SEED.acme, paidEvent("invoice.paid", { actor: {}, target: { cost: 1, note: "x" }, metadata: {} }));
    expect((await adminEvents()).data.filter((e) => e.event.action === "invoice.paid")).toHaveLength(2);
    // Accepted because it matches, not because nothing is checked: one value off and it is refused.
    const error = await env.workos.auditLogs.createEvent(SEED.acme, paidEvent("invoice.paid", { target: { cost: "1" } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestException);
  });

  it("a metadata value of the wrong type is a 400 whose instancePath names it, for actor, target and event", async () => {
    await createPaidSchema("invoice.refunded");
    const error = await refusal(
      "invoice.refunded",
      paidEvent("invoice.refunded", { actor: { role: 7 }, target: { cost: "ten" }, metadata: { transactionId: true } }),
    );
    expect(error.errors).toEqual([
      { instancePath: "/actor/metadata/role", keyword: "type", params: { type: "string" }, message: "must be string" },
      { instancePath: "/targets/0/metadata/cost", keyword: "type", params: { type: "number" }, message: "must be number" },
      { instancePath: "/metadata/transactionId", keyword: "type", params: { type: "string" }, message: "must be string" },
    ]);
  });

  it("a missing required property is a 400 at the object that lacks it, even with no metadata sent", async () => {
    // The typed `createSchema` cannot send `required`; the SDK's own `post` sends the JSON Schema as-is.
    await env.workos.post("/audit_logs/actions/invoice.voided/schemas", {
      targets: [{ type: "invoice" }],
      metadata: { type: "object", properties: { reason: { type: "string" } }, required: ["reason"] },
    });
    const withoutMetadata = { ...paidEvent("invoice.voided"), metadata: undefined };
    for (const event of [paidEvent("invoice.voided", { metadata: { other: "x" } }), withoutMetadata]) {
      const error = await refusal("invoice.voided", event);
      expect(error.errors).toEqual([
        { instancePath: "/metadata", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'" },
      ]);
    }
  });

  it("a target whose type the schema does not list is a 400 at that target's type", async () => {
    await createPaidSchema("invoice.sent");
    const error = await refusal("invoice.sent", paidEvent("invoice.sent", { targetType: "team" }));
    expect(error.errors).toEqual([
      { instancePath: "/targets/0/type", keyword: "enum", params: { allowedValues: ["invoice"] }, message: "must be equal to one of the allowed values" },
    ]);
  });

  it("an event is checked against the version it names, and version 1 when it names none", async () => {
    await createPaidSchema("invoice.split");
    await env.workos.auditLogs.createSchema({ action: "invoice.split", targets: [{ type: "invoice", metadata: { cost: "string" } }] });
    await env.workos.auditLogs.createEvent(SEED.acme, paidEvent("invoice.split", { target: { cost: 10 } }));
    await env.workos.auditLogs.createEvent(SEED.acme, paidEvent("invoice.split", { target: { cost: "10" }, version: 2 }));
    const before = (await adminEvents()).data.length;
    const error = await env.workos.auditLogs.createEvent(SEED.acme, paidEvent("invoice.split", { target: { cost: 10 }, version: 2 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as BadRequestException).errors).toMatchObject([{ instancePath: "/targets/0/metadata/cost" }]);
    const unknown = await env.workos.auditLogs.createEvent(SEED.acme, paidEvent("invoice.split", { version: 3 })).catch((e: unknown) => e);
    expect((unknown as BadRequestException).errors).toMatchObject([{ instancePath: "/version", params: { allowedValues: [1, 2] } }]);
    expect((await adminEvents()).data.length).toBe(before);
  });

  it("an action without a schema takes any event, even one another action's schema refuses", async () => {
    await createPaidSchema("invoice.archived");
    const anything = { actor: { role: 7 }, target: { cost: "ten", extra: false }, metadata: { transactionId: true }, targetType: "team" };
    await env.workos.auditLogs.createEvent(SEED.acme, paidEvent("invoice.unconfigured", anything));
    expect((await adminEvents()).data.filter((e) => e.event.action === "invoice.unconfigured")).toHaveLength(1);
    await refusal("invoice.archived", paidEvent("invoice.archived", anything));
  });

  it("a schema whose metadata is not a JSON Schema Ajv can compile is a 422 naming the part", async () => {
    const body = {
      targets: [{ type: "invoice", metadata: { type: "object", properties: { cost: { type: "number" } }, required: "cost" } }],
    };
    const error = await env.workos.post("/audit_logs/actions/invoice.broken/schemas", body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityException);
    expect((error as UnprocessableEntityException).message).toContain("metadata_must_be_object_schema");
    // The SDK keeps only the codes; the field is in the body.
    const raw = await fetch(`${env.emulator.url}/audit_logs/actions/invoice.broken/schemas`, {
      method: "POST",
      headers: { authorization: `Bearer ${env.emulator.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(raw.status).toBe(422);
    expect(await raw.json()).toMatchObject({ errors: [{ field: "targets[0].metadata", code: "metadata_must_be_object_schema" }] });
    const list = await env.workos.auditLogs.listSchemas("invoice.broken").catch((e: unknown) => e);
    expect(list).toBeInstanceOf(NotFoundException);
  });
});
