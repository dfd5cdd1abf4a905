import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiRouter } from "../src/api/index.js";
import { startEmulator, type RunningEmulator } from "../src/index.js";
import { shapeProblems, type Shape } from "./conformance/check-shape.js";
import { declaredRoutes } from "./conformance/declared-routes.js";
import * as wire from "./conformance/wire-shapes.js";
import { SEED } from "./sdk-client.js";

/**
 * The emulator's raw JSON, route by route, against the WorkOS wire shapes of
 * `conformance/wire-shapes.ts` (field names, types, `object` values, required vs optional; every
 * extra field fails). Cases run in order: later ones use what earlier ones created.
 */

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  // One session to list and revoke, as a completed sign-in leaves it.
  emulator.state.sessions.push({
    id: "session_01CONFORMANCE000000000000",
    user_id: SEED.alice,
    organization_id: SEED.acme,
    client_id: emulator.clientId,
    created_at: "2026-01-15T09:00:00.000Z",
    revoked: false,
  });
});
afterAll(() => emulator.stop());

type Method = "GET" | "POST" | "PUT" | "DELETE";

interface Case {
  /** The route as Express declares it, e.g. `GET /user_management/users/:id`. */
  route: string;
  status: number;
  /** Omitted for answers without a body (204, or 200 on deletes as the SDK ignores it). */
  shape?: Shape;
  path: () => string;
  body?: () => unknown;
}

/** Ids created by the cases, read by later cases. */
const made: Record<string, string> = {};

const CASES: Case[] = [
  // Users: SDK createUser/getUser/getUserByExternalId/listUsers/updateUser/deleteUser/getUserIdentities/listSessions.
  { route: "GET /user_management/users", status: 200, shape: wire.list(wire.USER), path: () => "/user_management/users" },
  {
    route: "POST /user_management/users",
    status: 201,
    shape: wire.USER,
    path: () => "/user_management/users",
    body: () => ({ email: "grace@acme.test", first_name: "Grace", last_name: "Hopper", external_id: "ext-grace" }),
  },
  { route: "GET /user_management/users/:id", status: 200, shape: wire.USER, path: () => `/user_management/users/${SEED.alice}` },
  {
    route: "GET /user_management/users/external_id/:externalId",
    status: 200,
    shape: wire.USER,
    path: () => "/user_management/users/external_id/ext-grace",
  },
  {
    route: "PUT /user_management/users/:id",
    status: 200,
    shape: wire.USER,
    path: () => `/user_management/users/${made.user}`,
    body: () => ({ locale: "en-US", metadata: { team: "compilers" } }),
  },
  { route: "GET /user_management/users/:id/identities", status: 200, path: () => `/user_management/users/${SEED.alice}/identities` },
  {
    route: "GET /user_management/users/:id/sessions",
    status: 200,
    shape: wire.list(wire.SESSION),
    path: () => `/user_management/users/${SEED.alice}/sessions`,
  },
  {
    route: "POST /user_management/sessions/revoke",
    status: 200,
    path: () => "/user_management/sessions/revoke",
    body: () => ({ session_id: "session_01CONFORMANCE000000000000" }),
  },
  // Organizations and their domains.
  { route: "GET /organizations", status: 200, shape: wire.list(wire.ORGANIZATION), path: () => "/organizations" },
  {
    route: "POST /organizations",
    status: 201,
    shape: wire.ORGANIZATION,
    path: () => "/organizations",
    body: () => ({ name: "Initech", domain_data: [{ domain: "initech.test", state: "verified" }], external_id: "ext-initech" }),
  },
  { route: "GET /organizations/:id", status: 200, shape: wire.ORGANIZATION, path: () => `/organizations/${SEED.acme}` },
  {
    route: "GET /organizations/external_id/:externalId",
    status: 200,
    shape: wire.ORGANIZATION,
    path: () => "/organizations/external_id/ext-initech",
  },
  {
    route: "PUT /organizations/:id",
    status: 200,
    shape: wire.ORGANIZATION,
    path: () => `/organizations/${made.organization}`,
    body: () => ({ name: "Initech Corp", metadata: { tier: "gold" } }),
  },
  {
    route: "POST /organization_domains",
    status: 201,
    shape: wire.ORGANIZATION_DOMAIN,
    path: () => "/organization_domains",
    body: () => ({ domain: "initrode.test", organization_id: made.organization }),
  },
  {
    route: "GET /organization_domains/:id",
    status: 200,
    shape: wire.ORGANIZATION_DOMAIN,
    path: () => `/organization_domains/${made.organization_domain}`,
  },
  {
    route: "POST /organization_domains/:id/verify",
    status: 201,
    shape: wire.ORGANIZATION_DOMAIN,
    path: () => `/organization_domains/${made.organization_domain}/verify`,
  },
  // Memberships.
  {
    route: "GET /user_management/organization_memberships",
    status: 200,
    shape: wire.list(wire.MEMBERSHIP),
    path: () => `/user_management/organization_memberships?organization_id=${SEED.acme}`,
  },
  {
    route: "POST /user_management/organization_memberships",
    status: 201,
    shape: wire.MEMBERSHIP,
    path: () => "/user_management/organization_memberships",
    body: () => ({ user_id: made.user, organization_id: made.organization, role_slug: "analyst" }),
  },
  {
    route: "GET /user_management/organization_memberships/:id",
    status: 200,
    shape: wire.MEMBERSHIP,
    path: () => `/user_management/organization_memberships/${SEED.aliceAcme}`,
  },
  {
    route: "PUT /user_management/organization_memberships/:id",
    status: 200,
    shape: wire.MEMBERSHIP,
    path: () => `/user_management/organization_memberships/${made.om}`,
    body: () => ({ role_slugs: ["admin", "analyst"] }),
  },
  {
    route: "PUT /user_management/organization_memberships/:id/deactivate",
    status: 200,
    shape: wire.MEMBERSHIP,
    path: () => `/user_management/organization_memberships/${made.om}/deactivate`,
  },
  {
    route: "PUT /user_management/organization_memberships/:id/reactivate",
    status: 200,
    shape: wire.MEMBERSHIP,
    path: () => `/user_management/organization_memberships/${made.om}/reactivate`,
  },
  // Invitations.
  {
    route: "POST /user_management/invitations",
    status: 201,
    shape: wire.INVITATION,
    path: () => "/user_management/invitations",
    body: () => ({ email: "newhire@initech.test", organization_id: made.organization, role_slug: "member" }),
  },
  {
    route: "GET /user_management/invitations",
    status: 200,
    shape: wire.list(wire.INVITATION),
    path: () => `/user_management/invitations?organization_id=${made.organization}`,
  },
  {
    route: "GET /user_management/invitations/:id",
    status: 200,
    shape: wire.INVITATION,
    path: () => `/user_management/invitations/${made.invitation}`,
  },
  {
    route: "GET /user_management/invitations/by_token/:token",
    status: 200,
    shape: wire.INVITATION,
    path: () => `/user_management/invitations/by_token/${emulator.state.invitations[0]?.token}`,
  },
  {
    route: "POST /user_management/invitations/:id/resend",
    status: 200,
    shape: wire.INVITATION,
    path: () => `/user_management/invitations/${made.invitation}/resend`,
  },
  {
    route: "POST /user_management/invitations/:id/revoke",
    status: 200,
    shape: wire.INVITATION,
    path: () => `/user_management/invitations/${made.invitation}/revoke`,
  },
  // Directory Sync.
  { route: "GET /directories", status: 200, shape: wire.list(wire.DIRECTORY), path: () => "/directories" },
  { route: "GET /directories/:id", status: 200, shape: wire.DIRECTORY, path: () => `/directories/${SEED.directory}` },
  {
    route: "GET /directory_users",
    status: 200,
    shape: wire.list(wire.DIRECTORY_USER),
    path: () => `/directory_users?directory=${SEED.directory}`,
  },
  {
    route: "GET /directory_users/:id",
    status: 200,
    shape: wire.DIRECTORY_USER,
    path: () => `/directory_users/${SEED.carolDirectoryUser}`,
  },
  {
    route: "GET /directory_groups",
    status: 200,
    shape: wire.list(wire.DIRECTORY_GROUP),
    path: () => `/directory_groups?directory=${SEED.directory}`,
  },
  { route: "GET /directory_groups/:id", status: 200, shape: wire.DIRECTORY_GROUP, path: () => `/directory_groups/${SEED.engineering}` },
  // SSO.
  { route: "GET /connections", status: 200, shape: wire.list(wire.CONNECTION), path: () => "/connections" },
  { route: "GET /connections/:id", status: 200, shape: wire.CONNECTION, path: () => `/connections/${SEED.connection}` },
  // Audit logs.
  {
    route: "POST /audit_logs/events",
    status: 200,
    shape: wire.AUDIT_LOG_EVENT_CREATED,
    path: () => "/audit_logs/events",
    body: () => ({
      organization_id: SEED.acme,
      event: {
        action: "report.viewed",
        occurred_at: "2026-01-20T10:00:00.000Z",
        actor: { id: SEED.alice, type: "user" },
        targets: [{ id: "report_1", type: "report" }],
        context: { location: "127.0.0.1" },
      },
    }),
  },
  {
    route: "POST /audit_logs/exports",
    status: 201,
    shape: wire.AUDIT_LOG_EXPORT,
    path: () => "/audit_logs/exports",
    body: () => ({ organization_id: SEED.acme, range_start: "2026-01-01T00:00:00.000Z", range_end: "2026-02-01T00:00:00.000Z" }),
  },
  {
    route: "GET /audit_logs/exports/:id",
    status: 200,
    shape: wire.AUDIT_LOG_EXPORT,
    path: () => `/audit_logs/exports/${made.audit_log_export}`,
  },
  {
    route: "POST /audit_logs/actions/:action/schemas",
    status: 201,
    shape: wire.AUDIT_LOG_SCHEMA,
    path: () => "/audit_logs/actions/report.viewed/schemas",
    body: () => ({
      actor: { metadata: { type: "object", properties: { role: { type: "string" } } } },
      targets: [{ type: "report" }],
    }),
  },
  {
    route: "GET /audit_logs/actions/:action/schemas",
    status: 200,
    shape: wire.list(wire.AUDIT_LOG_SCHEMA),
    path: () => "/audit_logs/actions/report.viewed/schemas",
  },
  // Authorization.
  { route: "GET /authorization/roles", status: 200, shape: wire.ROLE_LIST, path: () => "/authorization/roles" },
  { route: "GET /authorization/roles/:slug", status: 200, shape: wire.ROLE, path: () => "/authorization/roles/admin" },
  {
    route: "GET /authorization/organizations/:id/roles",
    status: 200,
    shape: wire.ROLE_LIST,
    path: () => `/authorization/organizations/${SEED.acme}/roles`,
  },
  {
    route: "GET /authorization/organizations/:id/roles/:slug",
    status: 200,
    shape: wire.ROLE,
    path: () => `/authorization/organizations/${SEED.acme}/roles/analyst`,
  },
  { route: "GET /authorization/permissions", status: 200, shape: wire.list(wire.PERMISSION), path: () => "/authorization/permissions" },
  {
    route: "GET /authorization/permissions/:slug",
    status: 200,
    shape: wire.PERMISSION,
    path: () => "/authorization/permissions/reports:read",
  },
  {
    route: "POST /authorization/organization_memberships/:id/check",
    status: 200,
    shape: wire.AUTHORIZATION_CHECK,
    path: () => `/authorization/organization_memberships/${SEED.aliceAcme}/check`,
    body: () => ({ permission_slug: "reports:read", resource_id: SEED.acme }),
  },
  // MCP resource indicators.
  {
    route: "POST /user_management/authkit_oauth_resources",
    status: 201,
    shape: wire.AUTHKIT_OAUTH_RESOURCE,
    path: () => "/user_management/authkit_oauth_resources",
    body: () => ({ uri: "https://conformance.example/mcp" }),
  },
  {
    route: "GET /user_management/authkit_oauth_resources",
    status: 200,
    shape: wire.list(wire.AUTHKIT_OAUTH_RESOURCE),
    path: () => "/user_management/authkit_oauth_resources",
  },
  // Deletes last: they remove what the cases above created.
  {
    route: "DELETE /user_management/authkit_oauth_resources/:id",
    status: 204,
    path: () => `/user_management/authkit_oauth_resources/${made.authkit_oauth_resource}`,
  },
  {
    route: "DELETE /user_management/organization_memberships/:id",
    status: 200,
    path: () => `/user_management/organization_memberships/${made.om}`,
  },
  { route: "DELETE /organization_domains/:id", status: 204, path: () => `/organization_domains/${made.organization_domain}` },
  { route: "DELETE /user_management/users/:id", status: 200, path: () => `/user_management/users/${made.user}` },
  { route: "DELETE /connections/:id", status: 204, path: () => `/connections/${SEED.connection}` },
  { route: "DELETE /directories/:id", status: 200, path: () => `/directories/${SEED.directory}` },
  { route: "DELETE /organizations/:id", status: 200, path: () => `/organizations/${made.organization}` },
];

async function call(method: Method, path: string, body?: unknown): Promise<{ status: number; json: unknown; text: string }> {
  const res = await fetch(`${emulator.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${emulator.apiKey}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, json: text === "" ? undefined : JSON.parse(text) };
}

describe("raw JSON of every route against the WorkOS references", () => {
  it("every route the REST API serves has a case here", () => {
    const declared = declaredRoutes(createApiRouter(emulator.context)).sort();
    expect(CASES.map((c) => c.route).sort()).toEqual(declared);
  });

  for (const testCase of CASES) {
    it(testCase.route, async () => {
      const method = testCase.route.split(" ")[0] as Method;
      const { status, json, text } = await call(method, testCase.path(), testCase.body?.());
      expect(status, text).toBe(testCase.status);
      if (testCase.shape !== undefined) expect(shapeProblems(json, testCase.shape)).toEqual([]);
      const created = json as { object?: string; id?: string } | undefined;
      if (method === "POST" && created?.object !== undefined && created.id !== undefined) {
        made[created.object === "organization_membership" ? "om" : created.object] ??= created.id;
      }
    });
  }

  it("identities are a JSON array of WorkOS identities", async () => {
    const { json } = await call("GET", `/user_management/users/${SEED.alice}/identities`);
    expect(Array.isArray(json)).toBe(true);
    for (const identity of json as unknown[]) expect(shapeProblems(identity, wire.IDENTITY)).toEqual([]);
  });
});

describe("error bodies", () => {
  it("every get-by-id route answers an unknown id with 404 entity_not_found naming it in entity_id", async () => {
    const byId = CASES.filter((c) => c.route.startsWith("GET ") && /:(id|slug|externalId|token)$/.test(c.route));
    expect(byId.length).toBeGreaterThan(10);
    for (const testCase of byId) {
      const path = testCase.route.slice(4).replace(/:(id|slug|externalId|token)$/, "nope_01UNKNOWN").replace(":id", SEED.acme);
      const { status, json } = await call("GET", path);
      expect(status, path).toBe(404);
      expect(shapeProblems(json, wire.NOT_FOUND_ERROR), path).toEqual([]);
      expect((json as { entity_id: string }).entity_id, path).toBe("nope_01UNKNOWN");
    }
  });

  it("an unscoped membership list is 400 missing_user_id_or_organization_id", async () => {
    const { status, json } = await call("GET", "/user_management/organization_memberships");
    expect(status).toBe(400);
    expect(shapeProblems(json, wire.codedError("missing_user_id_or_organization_id"))).toEqual([]);
  });

  it("validation failures are 422 invalid_request_parameters with field errors", async () => {
    const { status, json } = await call("POST", "/user_management/users", { email: "not-an-email", first_name: 7 });
    expect(status).toBe(422);
    expect(shapeProblems(json, wire.VALIDATION_ERROR)).toEqual([]);
    expect((json as { errors: unknown[] }).errors).toEqual([
      { field: "email", code: "email_invalid" },
      { field: "first_name", code: "first_name_must_be_string" },
    ]);
  });
});

describe("order=normal (@workos/openapi-spec: descending, `before` fetches older, `after` newer)", () => {
  it("pages newest first; `before` walks to older records and `after` back to newer ones", async () => {
    const all = (await call("GET", "/user_management/users?order=desc&limit=100")).json as { data: { id: string }[] };
    const ids = all.data.map((user) => user.id);
    const first = (await call("GET", "/user_management/users?order=normal&limit=2")).json as {
      data: { id: string }[];
      list_metadata: { before: string | null; after: string | null };
    };
    expect(first.data.map((user) => user.id)).toEqual(ids.slice(0, 2));
    expect(first.list_metadata).toEqual({ before: ids[1], after: null });
    const older = (await call("GET", `/user_management/users?order=normal&limit=2&before=${ids[1]}`)).json as typeof first;
    expect(older.data.map((user) => user.id)).toEqual(ids.slice(2, 4));
    expect(older.list_metadata.after).toBe(ids[2]);
    const newer = (await call("GET", `/user_management/users?order=normal&limit=2&after=${ids[2]}`)).json as typeof first;
    expect(newer.data.map((user) => user.id)).toEqual(ids.slice(0, 2));
  });
});

describe("filters as @workos/openapi-spec writes them", () => {
  it("an array filter may be repeated (form style) as well as comma-joined (the SDK)", async () => {
    const ids = (body: unknown) => (body as { data: { id: string }[] }).data.map((org) => org.id).sort();
    const repeated = await call("GET", "/organizations?domains=acme.test&domains=globex.test");
    const joined = await call("GET", "/organizations?domains=acme.test,globex.test");
    expect(ids(repeated.json)).toEqual([SEED.acme, SEED.globex].sort());
    expect(ids(joined.json)).toEqual(ids(repeated.json));
  });

  it("connections are searched by name", async () => {
    emulator.state.connections.push({
      object: "connection",
      id: "conn_01SEARCH00000000000000000",
      organization_id: SEED.acme,
      connection_type: "GoogleOAuth",
      name: "Acme Google",
      state: "active",
      status: "linked",
      domains: [],
      created_at: "2026-01-15T09:00:00.000Z",
      updated_at: "2026-01-15T09:00:00.000Z",
    });
    const { json } = await call("GET", "/connections?search=google");
    expect((json as { data: { id: string }[] }).data.map((connection) => connection.id)).toEqual(["conn_01SEARCH00000000000000000"]);
  });
});

describe("invitation refusals carry @workos/openapi-spec's 400 codes", () => {
  const refusals: [string, Record<string, unknown>][] = [
    ["user_already_exists", { email: "alice@acme.test" }],
    ["user_already_organization_member", { email: "alice@acme.test", organization_id: SEED.acme }],
    ["expires_in_days_too_short", { email: "short@acme.test", expires_in_days: 0 }],
    ["expires_in_days_too_long", { email: "long@acme.test", expires_in_days: 31 }],
    ["invalid_role", { email: "role@acme.test", organization_id: SEED.acme, role_slug: "ghost" }],
  ];
  for (const [code, body] of refusals) {
    it(code, async () => {
      const { status, json } = await call("POST", "/user_management/invitations", body);
      expect(status).toBe(400);
      expect(shapeProblems(json, wire.codedError(code))).toEqual([]);
    });
  }

  it("email_already_invited and email_already_invited_to_organization for a second open invitation", async () => {
    expect((await call("POST", "/user_management/invitations", { email: "twice@acme.test" })).status).toBe(201);
    const again = await call("POST", "/user_management/invitations", { email: "twice@acme.test" });
    expect([again.status, (again.json as { code: string }).code]).toEqual([400, "email_already_invited"]);
    const body = { email: "twice@acme.test", organization_id: SEED.acme };
    expect((await call("POST", "/user_management/invitations", body)).status).toBe(201);
    const repeat = await call("POST", "/user_management/invitations", body);
    expect([repeat.status, (repeat.json as { code: string }).code]).toEqual([400, "email_already_invited_to_organization"]);
  });
});
