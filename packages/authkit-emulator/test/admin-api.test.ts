import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../src/index.js";
import { SEED, workosFor } from "./sdk-client.js";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator.stop());

async function post(path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${emulator.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe("admin API (/_emulator)", () => {
  it("creates a role, an organization, a user with a password and a membership, visible through the SDK", async () => {
    const role = await post("/_emulator/roles", { slug: "auditor", name: "Auditor", permissions: ["audit:read"] });
    expect(role.status).toBe(201);
    expect(role.json).toMatchObject({ slug: "auditor", name: "Auditor", description: null, permissions: ["audit:read"] });
    expect(role.json.id).toMatch(/^role_01[0-9A-HJKMNP-TV-Z]{24}$/);
    const org = await post("/_emulator/organizations", { name: "Initech", domains: ["Initech.test"] });
    expect(org.status).toBe(201);
    expect(org.json.id).toMatch(/^org_01[0-9A-HJKMNP-TV-Z]{24}$/);
    const user = await post("/_emulator/users", {
      email: "peter@initech.test",
      password: "s3cret-pass",
      first_name: "Peter",
    });
    expect(user.status).toBe(201);
    expect(user.json.id).toMatch(/^user_01[0-9A-HJKMNP-TV-Z]{24}$/);
    expect(user.json).not.toHaveProperty("password");
    expect(emulator.state.users.find((u) => u.id === user.json.id)?.password).toBe("s3cret-pass");

    const membership = await post("/_emulator/memberships", {
      user_id: user.json.id,
      organization_id: org.json.id,
      role_slug: "auditor",
    });
    expect(membership.status).toBe(201);
    expect(membership.json).toMatchObject({ organization_name: "Initech", role: { slug: "auditor" }, status: "active" });

    const workos = workosFor(emulator);
    const listed = await workos.userManagement.listOrganizationMemberships({ userId: user.json.id as string });
    expect(listed.data.map((m) => [m.organizationName, m.role.slug])).toEqual([["Initech", "auditor"]]);
    const orgs = await workos.organizations.listOrganizations({ domains: ["initech.test"] });
    expect(orgs.data.map((o) => o.name)).toEqual(["Initech"]);
  });

  it("rejects bad input with 422 field errors, duplicates and unknown references", async () => {
    expect(await post("/_emulator/users", { email: "nope" })).toMatchObject({
      status: 422,
      json: { errors: [{ field: "email", code: "email_invalid" }] },
    });
    expect((await post("/_emulator/users", { email: "alice@acme.test" })).json.errors).toEqual([
      { field: "email", code: "email_not_available" },
    ]);
    expect((await post("/_emulator/roles", { slug: "admin" })).json.errors).toEqual([{ field: "slug", code: "slug_taken" }]);
    expect((await post("/_emulator/organizations", {})).json.errors).toEqual([{ field: "name", code: "name_required" }]);
    expect(
      (await post("/_emulator/memberships", { user_id: SEED.alice, organization_id: SEED.acme, role_slug: "ghost" })).json
        .errors,
    ).toEqual([{ field: "role_slug", code: "role_not_found" }]);
    expect((await post("/_emulator/memberships", { user_id: "user_x", organization_id: SEED.acme })).status).toBe(404);
    expect((await post("/_emulator/memberships", { user_id: SEED.alice, organization_id: SEED.acme })).status).toBe(409);
  });

  it("serves the outbox as an escaped HTML page, and as JSON on request", async () => {
    emulator.state.outbox.push({
      id: "msg_1",
      to: "<script>alert(1)</script>@acme.test",
      subject: "Your sign-in code",
      text: "Your code is 123456",
      code: "123456",
      sent_at: "2026-02-01T10:00:00.000Z",
    });
    const page = await fetch(`${emulator.url}/_emulator/outbox`);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain("DEVELOPMENT ONLY");
    expect(html).toContain("123456");
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toContain("<script>");

    const json = await fetch(`${emulator.url}/_emulator/outbox`, { headers: { accept: "application/json" } });
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
    expect(((await json.json()) as { data: { code: string }[] }).data.map((m) => m.code)).toEqual(["123456"]);
  });

  it("rotates the signing key: the new key is published beside the old one", async () => {
    const before = emulator.state.keys.map((k) => k.kid);
    expect(before).toHaveLength(1);
    const { status, json } = await post("/_emulator/keys/rotate", {});
    expect(status).toBe(200);
    expect(json.kid).not.toBe(before[0]);
    expect(json.published_kids).toEqual([before[0], json.kid]);
    expect(emulator.state.keys.find((k) => k.kid === before[0])?.retired_at).not.toBeNull();
    const jwks = (await fetch(`${emulator.url}/oauth2/jwks`).then((res) => res.json())) as { keys: { kid: string }[] };
    expect(jwks.keys.map((k) => k.kid).sort()).toEqual([before[0], json.kid].sort());
  });

  it("resets to the seed, keeping the signing keys", async () => {
    const kids = emulator.state.keys.map((k) => k.kid);
    const state = emulator.state;
    const { status } = await post("/_emulator/reset", {});
    expect(status).toBe(200);
    expect(emulator.state).toBe(state);
    expect(state.users.map((u) => u.email)).not.toContain("peter@initech.test");
    expect(state.users).toHaveLength(4);
    expect(state.roles.map((r) => r.slug)).toEqual(["admin", "analyst", "member"]);
    expect(state.outbox).toEqual([]);
    expect(state.keys.map((k) => k.kid)).toEqual(kids);
    const org = await workosFor(emulator).organizations.listOrganizations();
    expect(org.data).toHaveLength(2);
  });
});
