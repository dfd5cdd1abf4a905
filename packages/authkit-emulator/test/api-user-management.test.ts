import { GenericServerException, NotFoundException, UnprocessableEntityException } from "@workos-inc/node";
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

  it("updateUser rejects a bad email and a taken email with 422 and field errors", async () => {
    const bad = await env.workos.userManagement.updateUser({ userId: SEED.bob, email: "not-an-email" }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(UnprocessableEntityException);
    expect((bad as UnprocessableEntityException).code).toBe("invalid_request_parameters");
    expect((bad as UnprocessableEntityException).message).toContain("email_invalid");

    const taken = await env.workos.userManagement
      .updateUser({ userId: SEED.bob, email: "alice@acme.test" })
      .catch((e: unknown) => e);
    expect((taken as UnprocessableEntityException).message).toContain("email_not_available");
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

  it("an unknown session is a 404", async () => {
    const error = await env.workos.userManagement.revokeSession({ sessionId: "session_nope" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundException);
  });
});
