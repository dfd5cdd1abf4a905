import { UnauthorizedException, type WorkOS } from "@workos-inc/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../src/index.js";
import { SEED, workosFor } from "./sdk-client.js";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator.stop());

/** Every REST route, written out here (not imported) so a route served without auth fails the test. */
const ROUTES: { method: "GET" | "PUT" | "POST" | "DELETE"; path: string }[] = [
  { method: "GET", path: "/user_management/users" },
  { method: "GET", path: `/user_management/users/${SEED.alice}` },
  { method: "PUT", path: `/user_management/users/${SEED.alice}` },
  { method: "GET", path: `/user_management/organization_memberships?user_id=${SEED.alice}` },
  { method: "GET", path: `/user_management/organization_memberships/${SEED.aliceAcme}` },
  { method: "POST", path: "/user_management/sessions/revoke" },
  { method: "GET", path: "/user_management/authkit_oauth_resources" },
  { method: "POST", path: "/user_management/authkit_oauth_resources" },
  { method: "DELETE", path: "/user_management/authkit_oauth_resources/authkit_oauth_resource_01EXAMPLEMCP00000000000000" },
  { method: "GET", path: "/organizations" },
  { method: "GET", path: `/organizations/${SEED.acme}` },
  { method: "GET", path: "/directories" },
  { method: "GET", path: `/directories/${SEED.directory}` },
  { method: "GET", path: `/directory_users?directory=${SEED.directory}` },
  { method: "GET", path: `/directory_users/${SEED.carolDirectoryUser}` },
  { method: "GET", path: `/directory_groups?directory=${SEED.directory}` },
  { method: "GET", path: `/directory_groups/${SEED.engineering}` },
  { method: "POST", path: "/audit_logs/events" },
  { method: "GET", path: "/connections" },
  { method: "GET", path: `/connections/${SEED.connection}` },
  { method: "GET", path: `/authorization/organizations/${SEED.acme}/roles` },
  { method: "GET", path: "/organizations/org_missing" },
];

const BAD_AUTH: [string, Record<string, string>][] = [
  ["no Authorization header", {}],
  ["a wrong key", { authorization: "Bearer sk_test_wrong" }],
  ["a Basic header", { authorization: "Basic c2tfdGVzdA==" }],
  ["the key with a suffix", { authorization: "Bearer sk_test_emulator_development_only_keyX" }],
];

describe("API key authentication", () => {
  for (const { method, path } of ROUTES) {
    for (const [label, headers] of BAD_AUTH) {
      it(`${method} ${path} with ${label} is 401`, async () => {
        const res = await fetch(`${emulator.url}${path}`, {
          method,
          headers: { ...headers, "content-type": "application/json" },
          body: method === "GET" ? undefined : JSON.stringify({ first_name: "Mallory", session_id: "x" }),
        });
        expect(res.status).toBe(401);
        expect(await res.json()).toEqual({ code: "unauthorized", message: "Unauthorized: a valid API key is required." });
      });
    }
  }

  it("the SDK with a wrong key gets UnauthorizedException on every listed call, and nothing changes", async () => {
    const wrong: WorkOS = workosFor(emulator, "sk_test_wrong");
    const calls: [string, () => Promise<unknown>][] = [
      ["getUser", () => wrong.userManagement.getUser(SEED.alice)],
      ["listUsers", () => wrong.userManagement.listUsers()],
      ["updateUser", () => wrong.userManagement.updateUser({ userId: SEED.alice, firstName: "Mallory" })],
      ["listOrganizationMemberships", () => wrong.userManagement.listOrganizationMemberships({ userId: SEED.alice })],
      ["getOrganizationMembership", () => wrong.userManagement.getOrganizationMembership(SEED.aliceAcme)],
      ["revokeSession", () => wrong.userManagement.revokeSession({ sessionId: "session_x" })],
      ["getOrganization", () => wrong.organizations.getOrganization(SEED.acme)],
      ["listOrganizations", () => wrong.organizations.listOrganizations()],
      ["listDirectories", () => wrong.directorySync.listDirectories()],
      ["directorySync.listUsers", () => wrong.directorySync.listUsers({ directory: SEED.directory })],
      ["listGroups", () => wrong.directorySync.listGroups({ directory: SEED.directory })],
      ["listConnections", () => wrong.sso.listConnections()],
      [
        "createEvent",
        () =>
          wrong.auditLogs.createEvent(SEED.acme, {
            action: "x.y",
            occurredAt: new Date(),
            actor: { id: "a", type: "user" },
            targets: [],
            context: { location: "127.0.0.1" },
          }),
      ],
    ];
    for (const [name, call] of calls) {
      const error = await call().catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(UnauthorizedException);
    }
    expect(emulator.state.users.find((u) => u.id === SEED.alice)?.first_name).toBe("Alice");
    expect(emulator.state.auditEvents).toEqual([]);
  });
});

describe("error responses", () => {
  const auth = () => ({ authorization: `Bearer ${emulator.apiKey}`, "content-type": "application/json" });

  it("malformed JSON is a 400 with a JSON body and no stack trace", async () => {
    const res = await fetch(`${emulator.url}/user_management/users/${SEED.alice}`, {
      method: "PUT",
      headers: auth(),
      body: "{not json",
    });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ code: "invalid_json", message: "Request body is not valid JSON." });
    expect(text).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it("an oversized body is a 413", async () => {
    const res = await fetch(`${emulator.url}/audit_logs/events`, {
      method: "POST",
      headers: auth(),
      body: JSON.stringify({ organization_id: SEED.acme, padding: "x".repeat(300_000) }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { code: string }).code).toBe("payload_too_large");
  });

  it("bad pagination values are a 422 naming the field", async () => {
    for (const query of ["limit=0", "limit=101", "limit=abc", "order=sideways", "after=user_unknown"]) {
      const res = await fetch(`${emulator.url}/user_management/users?${query}`, { headers: auth() });
      expect(res.status, query).toBe(422);
      const body = (await res.json()) as { errors: { field: string }[] };
      expect(body.errors[0]?.field, query).toBe(query.split("=")[0]);
    }
  });

  it("an array where a string is expected is a 422, not a 500", async () => {
    const res = await fetch(`${emulator.url}/user_management/users/${SEED.alice}`, {
      method: "PUT",
      headers: auth(),
      body: JSON.stringify({ first_name: ["x"], metadata: { a: 1 } }),
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: unknown[] }).errors).toEqual([
      { field: "first_name", code: "first_name_must_be_string" },
      { field: "metadata.a", code: "metadata_value_must_be_string" },
    ]);
  });

  it("unknown routes are a JSON 404; responses carry X-Request-ID and no X-Powered-By", async () => {
    const res = await fetch(`${emulator.url}/no/such/route`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: "route_not_found", message: "No route for GET /no/such/route." });
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get("x-powered-by")).toBeNull();
  });

  it("the list envelope has the WorkOS shape", async () => {
    const res = await fetch(`${emulator.url}/organizations?limit=1&order=desc`, { headers: auth() });
    expect(await res.json()).toEqual({
      object: "list",
      data: [expect.objectContaining({ id: SEED.globex, object: "organization" })],
      list_metadata: { before: null, after: SEED.globex },
    });
  });
});
