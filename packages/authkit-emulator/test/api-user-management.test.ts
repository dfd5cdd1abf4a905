import { BadRequestException, GenericServerException, NotFoundException, UnprocessableEntityException } from "@workos-inc/node";
import { describe, expect, it } from "vitest";
import { SEED, useEmulatorWithSdk } from "./sdk-client.js";

const env = useEmulatorWithSdk();

describe("userManagement through the real @workos-inc/node SDK", () => {
  it("getUser returns the seeded user, without the password", async () => {
    const user = await env.workos.userManagement.getUser(SEED.alice);
    expect(user).toMatchObject({
      object: "user",
      id: SEED.alice,
      email: "alice@acme.test",
      firstName: "Alice",
      lastName: "Anderson",
      emailVerified: true,
      externalId: null,
      metadata: {},
      createdAt: "2026-01-15T09:00:00.000Z",
    });
    const raw = await fetch(`${env.emulator.url}/user_management/users/${SEED.alice}`, {
      headers: { authorization: `Bearer ${env.emulator.apiKey}` },
    }).then((res) => res.json() as Promise<Record<string, unknown>>);
    expect(raw).not.toHaveProperty("password");
  });

  it("listUsers filters by organization and by email", async () => {
    const acme = await env.workos.userManagement.listUsers({ organizationId: SEED.acme });
    expect(acme.data.map((u) => u.email).sort()).toEqual(["alice@acme.test", "bob@acme.test", "dana@acme.test"]);
    const carol = await env.workos.userManagement.listUsers({ email: "CAROL@globex.test" });
    expect(carol.data.map((u) => u.id)).toEqual([SEED.carol]);
  });

  it("listUsers pages with limit/after/before and reports cursors in listMetadata", async () => {
    const first = await env.workos.userManagement.listUsers({ limit: 3, order: "asc" });
    expect(first.data).toHaveLength(3);
    expect(first.listMetadata.before).toBeNull();
    expect(first.listMetadata.after).toBe(first.data[2]?.id);

    const second = await env.workos.userManagement.listUsers({ limit: 3, order: "asc", after: first.listMetadata.after });
    expect(second.data.length).toBeGreaterThanOrEqual(1);
    expect(second.listMetadata.before).toBe(second.data[0]?.id);
    const ids = [...first.data, ...second.data].map((u) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining([SEED.alice, SEED.bob, SEED.carol, SEED.dana]));

    const back = await env.workos.userManagement.listUsers({ limit: 3, order: "asc", before: second.listMetadata.before });
    expect(back.data.map((u) => u.id)).toEqual(first.data.map((u) => u.id));

    const all = await (await env.workos.userManagement.listUsers({ order: "asc" })).autoPagination();
    expect(all.map((u) => u.id)).toEqual(ids);
  });

  it("updateUser changes fields, merges metadata and returns the updated user", async () => {
    const updated = await env.workos.userManagement.updateUser({
      userId: SEED.bob,
      firstName: "Robert",
      metadata: { team: "platform" },
    });
    expect(updated).toMatchObject({ id: SEED.bob, firstName: "Robert", lastName: "Baker", metadata: { team: "platform" } });
    expect(updated.updatedAt).not.toBe("2026-01-15T09:00:00.000Z");
    expect((await env.workos.userManagement.getUser(SEED.bob)).firstName).toBe("Robert");
  });

  it("updateUser rejects a bad email with 422 and field errors", async () => {
    const bad = await env.workos.userManagement.updateUser({ userId: SEED.bob, email: "not-an-email" }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(UnprocessableEntityException);
    expect((bad as UnprocessableEntityException).code).toBe("invalid_request_parameters");
    expect((bad as UnprocessableEntityException).message).toContain("email_invalid");
  });

  it("unknown ids are 404 entity_not_found", async () => {
    const error = await env.workos.userManagement.getUser("user_01NOPE000000000000000000").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundException);
    expect((error as NotFoundException).code).toBe("entity_not_found");
    expect((error as NotFoundException).message).toBe("User not found: 'user_01NOPE000000000000000000'.");
    const membership = await env.workos.userManagement.getOrganizationMembership("om_nope").catch((e: unknown) => e);
    expect((membership as NotFoundException).code).toBe("entity_not_found");
  });
});

describe("organization memberships", () => {
  it("listOrganizationMemberships by user carries organization names and roles", async () => {
    const list = await env.workos.userManagement.listOrganizationMemberships({ userId: SEED.alice });
    const byOrg = Object.fromEntries(list.data.map((m) => [m.organizationName, m.role.slug]));
    expect(byOrg).toEqual({ "Acme Corp": "admin", Globex: "member" });
    expect(list.data.every((m) => m.userId === SEED.alice && m.status === "active")).toBe(true);
  });

  it("listOrganizationMemberships by organization pages with limit", async () => {
    const first = await env.workos.userManagement.listOrganizationMemberships({ organizationId: SEED.acme, limit: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.listMetadata.after).not.toBeNull();
    const second = await env.workos.userManagement.listOrganizationMemberships({
      organizationId: SEED.acme,
      limit: 2,
      after: first.listMetadata.after,
    });
    expect(second.data).toHaveLength(1);
    expect(second.listMetadata.after).toBeNull();
    const users = [...first.data, ...second.data].map((m) => m.userId).sort();
    expect(users).toEqual([SEED.alice, SEED.bob, SEED.dana].sort());
  });

  it("statuses filters (only active by default)", async () => {
    const dana = env.emulator.state.memberships.find((m) => m.id === SEED.danaAcme);
    if (dana === undefined) throw new Error("seed changed");
    dana.status = "inactive";
    try {
      const active = await env.workos.userManagement.listOrganizationMemberships({ organizationId: SEED.acme });
      expect(active.data.map((m) => m.id)).not.toContain(SEED.danaAcme);
      const inactive = await env.workos.userManagement.listOrganizationMemberships({
        organizationId: SEED.acme,
        statuses: ["inactive"],
      });
      expect(inactive.data.map((m) => m.id)).toEqual([SEED.danaAcme]);
    } finally {
      dana.status = "active";
    }
  });

  it("listOrganizationMemberships without user or organization is a 400 missing_user_id_or_organization_id", async () => {
    const error = await env.workos.userManagement.listOrganizationMemberships({} as never).catch((e: unknown) => e);
    // The SDK has no class for a 400 without `errors`: GenericServerException carries the status and body.
    expect(error).toBeInstanceOf(GenericServerException);
    expect((error as GenericServerException).status).toBe(400);
    expect((error as GenericServerException).rawData).toEqual({
      code: "missing_user_id_or_organization_id",
      message: "Either user_id or organization_id is required.",
    });
  });

  it("getOrganizationMembership returns role and organization name", async () => {
    const membership = await env.workos.userManagement.getOrganizationMembership(SEED.danaAcme);
    expect(membership).toMatchObject({
      object: "organization_membership",
      id: SEED.danaAcme,
      userId: SEED.dana,
      organizationId: SEED.acme,
      organizationName: "Acme Corp",
      role: { slug: "analyst" },
      roles: [{ slug: "analyst" }],
      status: "active",
      directoryManaged: false,
    });
  });
});

describe("revokeSession", () => {
  it("marks the session revoked in the shared state (the OAuth side refuses its refresh tokens)", async () => {
    env.emulator.state.sessions.push({
      id: "session_01TESTREVOKE000000000000",
      user_id: SEED.alice,
      organization_id: SEED.acme,
      client_id: env.emulator.clientId,
      created_at: new Date().toISOString(),
      revoked: false,
    });
    await env.workos.userManagement.revokeSession({ sessionId: "session_01TESTREVOKE000000000000" });
    expect(env.emulator.state.sessions.find((s) => s.id === "session_01TESTREVOKE000000000000")?.revoked).toBe(true);
  });

  it("an unknown session is the spec's 400 { message } (no 404, no code)", async () => {
    const error = await env.workos.userManagement.revokeSession({ sessionId: "session_nope" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GenericServerException);
    expect((error as GenericServerException).status).toBe(400);
    expect((error as GenericServerException).rawData).toEqual({ message: "Session not found: 'session_nope'." });
  });

  it("a missing or non-string session_id is the spec's 400 { message } too (the route lists no 422)", async () => {
    const empty = await env.workos.userManagement.revokeSession({ sessionId: "" }).catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(GenericServerException);
    expect((empty as GenericServerException).status).toBe(400);
    expect((empty as GenericServerException).rawData).toEqual({ message: "session_id must be a non-empty string." });
    expect(await raw("POST", "/user_management/sessions/revoke", {})).toEqual({ status: 400, json: { message: "session_id is required." } });
    expect(await raw("POST", "/user_management/sessions/revoke", { session_id: 42 })).toEqual({
      status: 400,
      json: { message: "session_id must be a non-empty string." },
    });
  });
});

/** The raw answer of the REST API, to compare bodies byte for byte with the spec's. */
async function raw(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${env.emulator.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${env.emulator.apiKey}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text === "" ? undefined : JSON.parse(text) };
}

describe("users as @workos/openapi-spec and the WorkOS docs describe them", () => {
  it("createUser with a taken email is the 400 user_creation_error with an email_not_available detail", async () => {
    const error = await env.workos.userManagement.createUser({ email: "ALICE@acme.test" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as BadRequestException).code).toBe("user_creation_error");
    expect((error as BadRequestException).errors).toEqual([{ code: "email_not_available", message: "This email is not available." }]);
    expect(await raw("POST", "/user_management/users", { email: "alice@acme.test" })).toEqual({
      status: 400,
      json: {
        code: "user_creation_error",
        message: "Could not create user.",
        errors: [{ code: "email_not_available", message: "This email is not available." }],
      },
    });
  });

  it("updateUser to a taken email or external_id is the spec's 400 email_not_available / external_id_already_used", async () => {
    const user = await env.workos.userManagement.createUser({ email: "taken-probe@acme.test", externalId: "ext-taken-probe" });
    const email = await env.workos.userManagement.updateUser({ userId: SEED.bob, email: "alice@acme.test" }).catch((e: unknown) => e);
    // A 400 without `errors` has no SDK class of its own: GenericServerException carries status and body.
    expect(email).toBeInstanceOf(GenericServerException);
    expect((email as GenericServerException).status).toBe(400);
    expect((email as GenericServerException).rawData).toEqual({ code: "email_not_available", message: "This email is not available." });
    const externalId = await env.workos.userManagement
      .updateUser({ userId: SEED.bob, externalId: "ext-taken-probe" })
      .catch((e: unknown) => e);
    expect((externalId as GenericServerException).status).toBe(400);
    expect((externalId as GenericServerException).code).toBe("external_id_already_used");
    expect((await env.workos.userManagement.getUser(SEED.bob)).email).toBe("bob@acme.test");
    await env.workos.userManagement.deleteUser(user.id);
  });

  it("metadata {} deletes every key and a null value deletes one (docs authkit/metadata.mdx)", async () => {
    const user = await env.workos.userManagement.createUser({ email: "meta-probe@acme.test", metadata: { a: "1", b: "2", c: "3" } });
    const one = await env.workos.userManagement.updateUser({ userId: user.id, metadata: { a: null } as unknown as Record<string, string> });
    expect(one.metadata).toEqual({ b: "2", c: "3" });
    const kept = await env.workos.userManagement.updateUser({ userId: user.id, metadata: { d: "4" } });
    expect(kept.metadata).toEqual({ b: "2", c: "3", d: "4" });
    const cleared = await env.workos.userManagement.updateUser({ userId: user.id, metadata: {} });
    expect(cleared.metadata).toEqual({});
    expect((await env.workos.userManagement.getUser(user.id)).metadata).toEqual({});
    await env.workos.userManagement.deleteUser(user.id);
  });

  it("metadata over the documented limits is the spec's 400 invalid_metadata, and changes nothing", async () => {
    const user = await env.workos.userManagement.createUser({ email: "limits-probe@acme.test", metadata: { keep: "yes" } });
    const tooMany = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, "v"]));
    for (const metadata of [{ ["k".repeat(41)]: "v" }, { k: "v".repeat(601) }, { "clé": "v" }, { k: "café" }, tooMany]) {
      const error = await env.workos.userManagement.updateUser({ userId: user.id, firstName: "Changed", metadata }).catch((e: unknown) => e);
      expect(error, JSON.stringify(metadata).slice(0, 60)).toBeInstanceOf(GenericServerException);
      expect((error as GenericServerException).status).toBe(400);
      expect((error as GenericServerException).rawData).toEqual({ code: "invalid_metadata", message: expect.any(String) });
    }
    const created = await env.workos.userManagement
      .createUser({ email: "limits-probe-2@acme.test", metadata: { ["k".repeat(41)]: "v" } })
      .catch((e: unknown) => e);
    expect((created as GenericServerException).rawData).toMatchObject({ code: "invalid_metadata" });
    // At the limits exactly: 40-character keys, 600-character values, 10 keys.
    const atLimit = { ["k".repeat(40)]: "v".repeat(600), ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`k${i}`, "v"])) };
    expect((await env.workos.userManagement.updateUser({ userId: user.id, metadata: atLimit })).metadata).toEqual({ keep: "yes", ...atLimit });
    expect((await env.workos.userManagement.getUser(user.id)).firstName).toBeNull();
    await env.workos.userManagement.deleteUser(user.id);
  });

  it("updateUser with a locale WorkOS does not support is the spec's 400 invalid_locale; null clears it", async () => {
    const user = await env.workos.userManagement.createUser({ email: "locale-user-probe@acme.test" });
    const error = await env.workos.userManagement.updateUser({ userId: user.id, firstName: "Changed", locale: "xx-YY" }).catch((e: unknown) => e);
    // `{ code, message }` without `errors`: the SDK's GenericServerException, code and status kept.
    expect(error).toBeInstanceOf(GenericServerException);
    expect((error as GenericServerException).status).toBe(400);
    expect((error as GenericServerException).code).toBe("invalid_locale");
    expect(await raw("PUT", `/user_management/users/${user.id}`, { locale: "klingon" })).toEqual({
      status: 400,
      json: { code: "invalid_locale", message: "Locale is invalid: 'klingon'." },
    });
    expect(await env.workos.userManagement.getUser(user.id)).toMatchObject({ firstName: null, locale: null });
    expect((await env.workos.userManagement.updateUser({ userId: user.id, locale: "pt-BR" })).locale).toBe("pt-BR");
    expect(await raw("PUT", `/user_management/users/${user.id}`, { locale: null })).toMatchObject({ status: 200, json: { locale: null } });
    await env.workos.userManagement.deleteUser(user.id);
  });

  it("external_id is at most 64 characters (docs authkit/metadata.mdx): longer is a 422 naming the field", async () => {
    const error = await env.workos.userManagement
      .createUser({ email: "ext-probe@acme.test", externalId: "e".repeat(65) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityException);
    expect((error as UnprocessableEntityException).code).toBe("invalid_request_parameters");
    expect((error as UnprocessableEntityException).message).toContain("external_id_too_long");
    const user = await env.workos.userManagement.createUser({ email: "ext-probe@acme.test", externalId: "e".repeat(64) });
    expect(user.externalId).toBe("e".repeat(64));
    await env.workos.userManagement.deleteUser(user.id);
  });

  it("createUser accepts null metadata, email_verified and password (CreateUserlandUserDto types them T | null)", async () => {
    const created = await raw("POST", "/user_management/users", {
      email: "nulls-probe@acme.test",
      metadata: null,
      email_verified: null,
      password: null,
    });
    expect(created).toMatchObject({ status: 201, json: { email: "nulls-probe@acme.test", metadata: {}, email_verified: false } });
    const id = (created.json as { id: string }).id;
    expect(await raw("PUT", `/user_management/users/${id}`, { metadata: null })).toMatchObject({ status: 200, json: { metadata: {} } });
    await env.workos.userManagement.deleteUser(id);
  });

  it("listSessions returns the user's active sessions only (spec: 'all active sessions for a specific user')", async () => {
    const base = { user_id: SEED.dana, organization_id: SEED.acme, client_id: env.emulator.clientId, revoked: false };
    env.emulator.state.sessions.push(
      { ...base, id: "session_01DANAACTIVE0000000000000", created_at: new Date().toISOString() },
      { ...base, id: "session_01DANAREVOKED000000000000", created_at: new Date().toISOString(), revoked: true },
      { ...base, id: "session_01DANAEXPIRED000000000000", created_at: "2020-01-01T00:00:00.000Z" },
    );
    const list = await env.workos.userManagement.listSessions(SEED.dana);
    expect(list.data.map((session) => [session.id, session.status])).toEqual([["session_01DANAACTIVE0000000000000", "active"]]);
  });
});

describe("memberships and invitations as @workos/openapi-spec types them", () => {
  it("an unknown statuses value is the list's 400 invalid_request_parameters", async () => {
    const error = await env.workos.userManagement
      .listOrganizationMemberships({ organizationId: SEED.acme, statuses: ["gone" as never] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as BadRequestException).code).toBe("invalid_request_parameters");
    expect(await raw("GET", `/user_management/organization_memberships?organization_id=${SEED.acme}&statuses=gone`)).toEqual({
      status: 400,
      json: { code: "invalid_request_parameters", message: "Validation failed.", errors: [{ field: "statuses", code: "status_invalid" }] },
    });
  });

  it("bad pagination values on the memberships list are that 400 too; other lists keep their 422", async () => {
    const limit = await env.workos.userManagement
      .listOrganizationMemberships({ organizationId: SEED.acme, limit: 101 })
      .catch((e: unknown) => e);
    expect(limit).toBeInstanceOf(BadRequestException);
    expect((limit as BadRequestException).code).toBe("invalid_request_parameters");
    expect((limit as BadRequestException).errors).toEqual([{ field: "limit", code: "limit_must_be_between_1_and_100" }]);
    const base = `/user_management/organization_memberships?organization_id=${SEED.acme}`;
    expect(await raw("GET", `${base}&order=sideways`)).toEqual({
      status: 400,
      json: { code: "invalid_request_parameters", message: "Validation failed.", errors: [{ field: "order", code: "order_must_be_asc_desc_or_normal" }] },
    });
    expect(await raw("GET", `${base}&after=om_01UNKNOWN0000000000000000`)).toEqual({
      status: 400,
      json: { code: "invalid_request_parameters", message: "Validation failed.", errors: [{ field: "after", code: "after_cursor_not_found" }] },
    });
    // GET /user_management/invitations and /users/{id}/sessions: the spec's 422 invalid_request_parameters.
    const invitations = await env.workos.userManagement.listInvitations({ limit: 0 }).catch((e: unknown) => e);
    expect(invitations).toBeInstanceOf(UnprocessableEntityException);
    expect((invitations as UnprocessableEntityException).code).toBe("invalid_request_parameters");
    expect((invitations as UnprocessableEntityException).message).toContain("limit_must_be_between_1_and_100");
  });

  it("sendInvitation and resendInvitation take a locale from the spec's enum only", async () => {
    const error = await env.workos.userManagement
      .sendInvitation({ email: "locale-probe@acme.test", locale: "xx-YY" as never })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityException);
    expect((error as UnprocessableEntityException).code).toBe("invalid_request_parameters");
    expect((error as UnprocessableEntityException).message).toContain("locale_invalid");
    const invitation = await env.workos.userManagement.sendInvitation({ email: "locale-probe@acme.test", locale: "fr-CA" });
    const resent = await env.workos.userManagement.resendInvitation(invitation.id, { locale: "klingon" as never }).catch((e: unknown) => e);
    expect(resent).toBeInstanceOf(UnprocessableEntityException);
    expect((await env.workos.userManagement.resendInvitation(invitation.id, { locale: "pt-BR" })).id).toBe(invitation.id);
  });
});
