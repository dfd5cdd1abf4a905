import { readFileSync, writeFileSync } from "node:fs";
import { DomainDataState, GenericServerException, NotFoundException, WorkOS } from "@workos-inc/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../src/index.js";
import { SEED } from "./sdk-client.js";

/**
 * Every `@workos-inc/node` 11 method a tool built on `@xmcp-dev/workos` is expected to call,
 * through the real SDK against the emulator. Each case checks what the method returns and which
 * route it reached (read from the SDK's own requests); the last test renders the README's
 * coverage table from what the cases proved. `UPDATE_SDK_COVERAGE=1` writes the table instead of
 * comparing it.
 */

const README = new URL("../README.md", import.meta.url);
const TABLE_START = "<!-- sdk-coverage:start (written by test/sdk-surface.test.ts) -->";
const TABLE_END = "<!-- sdk-coverage:end -->";

let emulator: RunningEmulator;
let workos: WorkOS;
/** `METHOD /path` of every request the SDK made, in order. */
const requests: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  const recordingFetch: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    requests.push(`${init?.method ?? (input instanceof Request ? input.method : "GET")} ${url.pathname}`);
    return fetch(input, init);
  };
  workos = new WorkOS(emulator.apiKey, {
    clientId: emulator.clientId,
    apiHostname: "127.0.0.1",
    port: emulator.port,
    https: false,
    maxRetries: 0,
    fetchFn: recordingFetch,
  });
});
afterAll(() => emulator.stop());

interface SurfaceCase {
  /** `userManagement.getUser` */
  sdk: string;
  /** The route the call must reach, with `:params`. */
  route: string;
  run: () => Promise<void>;
}

/** Values the cases hand to later cases. */
const made = {} as {
  userId: string;
  organizationId: string;
  membershipId: string;
  invitationId: string;
  invitationToken: string;
  domainId: string;
  exportId: string;
};

const CASES: SurfaceCase[] = [
  {
    sdk: "userManagement.createUser",
    route: "POST /user_management/users",
    run: async () => {
      const user = await workos.userManagement.createUser({
        email: "Grace@acme.test",
        firstName: "Grace",
        lastName: "Hopper",
        externalId: "ext-grace",
        metadata: { team: "compilers" },
      });
      expect(user).toMatchObject({ email: "grace@acme.test", name: "Grace Hopper", emailVerified: false, locale: null });
      made.userId = user.id;
    },
  },
  {
    sdk: "userManagement.getUser",
    route: "GET /user_management/users/:id",
    run: async () => {
      expect(await workos.userManagement.getUser(SEED.alice)).toMatchObject({ id: SEED.alice, name: "Alice Anderson" });
    },
  },
  {
    sdk: "userManagement.getUserByExternalId",
    route: "GET /user_management/users/external_id/:externalId",
    run: async () => {
      expect((await workos.userManagement.getUserByExternalId("ext-grace")).id).toBe(made.userId);
    },
  },
  {
    sdk: "userManagement.listUsers",
    route: "GET /user_management/users",
    run: async () => {
      const list = await workos.userManagement.listUsers({ organizationId: SEED.acme, order: "asc" });
      expect(list.data.map((user) => user.email).sort()).toEqual(["alice@acme.test", "bob@acme.test", "dana@acme.test"]);
    },
  },
  {
    sdk: "userManagement.updateUser",
    route: "PUT /user_management/users/:id",
    run: async () => {
      const user = await workos.userManagement.updateUser({ userId: made.userId, locale: "en-US", metadata: { team: "navy" } });
      expect(user).toMatchObject({ locale: "en-US", metadata: { team: "navy" } });
    },
  },
  {
    sdk: "userManagement.getUserIdentities",
    route: "GET /user_management/users/:id/identities",
    run: async () => {
      expect(await workos.userManagement.getUserIdentities(SEED.alice)).toEqual([]);
    },
  },
  {
    sdk: "organizations.createOrganization",
    route: "POST /organizations",
    run: async () => {
      const organization = await workos.organizations.createOrganization({
        name: "Initech",
        domainData: [{ domain: "initech.test", state: DomainDataState.Verified }],
        externalId: "ext-initech",
      });
      expect(organization.domains).toEqual([
        expect.objectContaining({ domain: "initech.test", state: "verified", organizationId: organization.id }),
      ]);
      made.organizationId = organization.id;
    },
  },
  {
    sdk: "organizations.getOrganization",
    route: "GET /organizations/:id",
    run: async () => {
      expect((await workos.organizations.getOrganization(SEED.acme)).name).toBe("Acme Corp");
    },
  },
  {
    sdk: "organizations.getOrganizationByExternalId",
    route: "GET /organizations/external_id/:externalId",
    run: async () => {
      expect((await workos.organizations.getOrganizationByExternalId("ext-initech")).id).toBe(made.organizationId);
    },
  },
  {
    sdk: "organizations.listOrganizations",
    route: "GET /organizations",
    run: async () => {
      const list = await workos.organizations.listOrganizations({ domains: ["initech.test"] });
      expect(list.data.map((org) => org.id)).toEqual([made.organizationId]);
    },
  },
  {
    sdk: "organizations.updateOrganization",
    route: "PUT /organizations/:id",
    run: async () => {
      const organization = await workos.organizations.updateOrganization({
        organization: made.organizationId,
        name: "Initech Corp",
        metadata: { tier: "gold" },
      });
      expect(organization).toMatchObject({ name: "Initech Corp", metadata: { tier: "gold" }, externalId: "ext-initech" });
    },
  },
  {
    sdk: "organizationDomains.createOrganizationDomain",
    route: "POST /organization_domains",
    run: async () => {
      const domain = await workos.organizationDomains.createOrganizationDomain({
        domain: "initrode.test",
        organizationId: made.organizationId,
      });
      expect(domain).toMatchObject({ state: "pending", verificationStrategy: "dns", organizationId: made.organizationId });
      made.domainId = domain.id;
    },
  },
  {
    sdk: "organizationDomains.getOrganizationDomain",
    route: "GET /organization_domains/:id",
    run: async () => {
      expect((await workos.organizationDomains.getOrganizationDomain(made.domainId)).domain).toBe("initrode.test");
    },
  },
  {
    sdk: "organizationDomains.verifyOrganizationDomain",
    route: "POST /organization_domains/:id/verify",
    run: async () => {
      expect((await workos.organizationDomains.verifyOrganizationDomain(made.domainId)).state).toBe("verified");
    },
  },
  {
    sdk: "organizationDomains.deleteOrganizationDomain",
    route: "DELETE /organization_domains/:id",
    run: async () => {
      await workos.organizationDomains.deleteOrganizationDomain(made.domainId);
      const error = await workos.organizationDomains.getOrganizationDomain(made.domainId).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundException);
    },
  },
  {
    sdk: "userManagement.createOrganizationMembership",
    route: "POST /user_management/organization_memberships",
    run: async () => {
      const membership = await workos.userManagement.createOrganizationMembership({
        userId: made.userId,
        organizationId: made.organizationId,
        roleSlug: "analyst",
      });
      expect(membership).toMatchObject({ organizationName: "Initech Corp", role: { slug: "analyst" }, status: "active" });
      made.membershipId = membership.id;
    },
  },
  {
    sdk: "userManagement.getOrganizationMembership",
    route: "GET /user_management/organization_memberships/:id",
    run: async () => {
      expect((await workos.userManagement.getOrganizationMembership(made.membershipId)).userId).toBe(made.userId);
    },
  },
  {
    sdk: "userManagement.listOrganizationMemberships",
    route: "GET /user_management/organization_memberships",
    run: async () => {
      const list = await workos.userManagement.listOrganizationMemberships({ organizationId: made.organizationId });
      expect(list.data.map((m) => m.id)).toEqual([made.membershipId]);
    },
  },
  {
    sdk: "userManagement.updateOrganizationMembership",
    route: "PUT /user_management/organization_memberships/:id",
    run: async () => {
      const membership = await workos.userManagement.updateOrganizationMembership(made.membershipId, { roleSlugs: ["admin", "analyst"] });
      expect(membership.role).toEqual({ slug: "admin" });
      expect(membership.roles).toEqual([{ slug: "admin" }, { slug: "analyst" }]);
    },
  },
  {
    sdk: "userManagement.deactivateOrganizationMembership",
    route: "PUT /user_management/organization_memberships/:id/deactivate",
    run: async () => {
      expect((await workos.userManagement.deactivateOrganizationMembership(made.membershipId)).status).toBe("inactive");
    },
  },
  {
    sdk: "userManagement.reactivateOrganizationMembership",
    route: "PUT /user_management/organization_memberships/:id/reactivate",
    run: async () => {
      expect((await workos.userManagement.reactivateOrganizationMembership(made.membershipId)).status).toBe("active");
    },
  },
  {
    sdk: "authorization.check",
    route: "POST /authorization/organization_memberships/:id/check",
    run: async () => {
      const check = (permissionSlug: string) =>
        workos.authorization.check({ organizationMembershipId: made.membershipId, permissionSlug, resourceId: made.organizationId });
      expect(await check("members:manage")).toEqual({ authorized: true });
      expect(await check("billing:write")).toEqual({ authorized: false });
    },
  },
  {
    sdk: "userManagement.deleteOrganizationMembership",
    route: "DELETE /user_management/organization_memberships/:id",
    run: async () => {
      await workos.userManagement.deleteOrganizationMembership(made.membershipId);
      const error = await workos.userManagement.getOrganizationMembership(made.membershipId).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundException);
    },
  },
  {
    sdk: "userManagement.sendInvitation",
    route: "POST /user_management/invitations",
    run: async () => {
      const invitation = await workos.userManagement.sendInvitation({
        email: "newhire@initech.test",
        organizationId: made.organizationId,
        roleSlug: "member",
        expiresInDays: 3,
      });
      expect(invitation).toMatchObject({ state: "pending", roleSlug: "member", organizationId: made.organizationId });
      expect(invitation.acceptInvitationUrl).toBe(`${emulator.url}/invite?invitation_token=${invitation.token}`);
      made.invitationId = invitation.id;
      made.invitationToken = invitation.token;
    },
  },
  {
    sdk: "userManagement.getInvitation",
    route: "GET /user_management/invitations/:id",
    run: async () => {
      expect((await workos.userManagement.getInvitation(made.invitationId)).email).toBe("newhire@initech.test");
    },
  },
  {
    sdk: "userManagement.findInvitationByToken",
    route: "GET /user_management/invitations/by_token/:token",
    run: async () => {
      expect((await workos.userManagement.findInvitationByToken(made.invitationToken)).id).toBe(made.invitationId);
    },
  },
  {
    sdk: "userManagement.listInvitations",
    route: "GET /user_management/invitations",
    run: async () => {
      const list = await workos.userManagement.listInvitations({ organizationId: made.organizationId });
      expect(list.data.map((invitation) => invitation.id)).toEqual([made.invitationId]);
    },
  },
  {
    sdk: "userManagement.resendInvitation",
    route: "POST /user_management/invitations/:id/resend",
    run: async () => {
      const before = (await workos.userManagement.getInvitation(made.invitationId)).expiresAt;
      const resent = await workos.userManagement.resendInvitation(made.invitationId);
      expect(Date.parse(resent.expiresAt)).toBeGreaterThan(Date.parse(before));
    },
  },
  {
    sdk: "userManagement.revokeInvitation",
    route: "POST /user_management/invitations/:id/revoke",
    run: async () => {
      const revoked = await workos.userManagement.revokeInvitation(made.invitationId);
      expect(revoked.state).toBe("revoked");
      expect(revoked.revokedAt).not.toBeNull();
      // A second revoke is WorkOS's 400 invite_not_pending.
      const again = await workos.userManagement.revokeInvitation(made.invitationId).catch((e: unknown) => e);
      expect((again as GenericServerException).rawData).toMatchObject({ code: "invite_not_pending" });
    },
  },
  {
    sdk: "userManagement.listSessions",
    route: "GET /user_management/users/:id/sessions",
    run: async () => {
      emulator.state.sessions.push({
        id: "session_01SURFACE0000000000000000",
        user_id: SEED.bob,
        organization_id: SEED.acme,
        client_id: emulator.clientId,
        created_at: new Date().toISOString(),
        revoked: false,
      });
      const list = await workos.userManagement.listSessions(SEED.bob);
      expect(list.data).toEqual([
        expect.objectContaining({ id: "session_01SURFACE0000000000000000", status: "active", organizationId: SEED.acme }),
      ]);
    },
  },
  {
    sdk: "userManagement.revokeSession",
    route: "POST /user_management/sessions/revoke",
    run: async () => {
      await workos.userManagement.revokeSession({ sessionId: "session_01SURFACE0000000000000000" });
      // listSessions lists active sessions only: the revoked one leaves the list.
      expect((await workos.userManagement.listSessions(SEED.bob)).data).toEqual([]);
      const session = emulator.state.sessions.find((candidate) => candidate.id === "session_01SURFACE0000000000000000");
      expect(session).toMatchObject({ revoked: true, ended_at: expect.any(String) });
    },
  },
  {
    sdk: "userManagement.deleteUser",
    route: "DELETE /user_management/users/:id",
    run: async () => {
      await workos.userManagement.deleteUser(made.userId);
      const error = await workos.userManagement.getUser(made.userId).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundException);
    },
  },
  {
    sdk: "organizations.deleteOrganization",
    route: "DELETE /organizations/:id",
    run: async () => {
      await workos.organizations.deleteOrganization(made.organizationId);
      const error = await workos.organizations.getOrganization(made.organizationId).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundException);
    },
  },
  {
    sdk: "directorySync.listDirectories",
    route: "GET /directories",
    run: async () => {
      const list = await workos.directorySync.listDirectories({ organizationId: SEED.globex });
      // The SDK maps the API's `linked` to `active`.
      expect(list.data).toEqual([expect.objectContaining({ id: SEED.directory, state: "active", externalKey: "globex-okta-scim" })]);
    },
  },
  {
    sdk: "directorySync.getDirectory",
    route: "GET /directories/:id",
    run: async () => {
      expect((await workos.directorySync.getDirectory(SEED.directory)).name).toBe("Globex Okta SCIM");
    },
  },
  {
    sdk: "directorySync.listUsers",
    route: "GET /directory_users",
    run: async () => {
      const list = await workos.directorySync.listUsers({ group: SEED.engineering });
      expect(list.data.length).toBeGreaterThan(0);
      expect(list.data.every((user) => user.groups.some((group) => group.id === SEED.engineering))).toBe(true);
    },
  },
  {
    sdk: "directorySync.getUser",
    route: "GET /directory_users/:id",
    run: async () => {
      expect((await workos.directorySync.getUser(SEED.carolDirectoryUser)).email).toBe("carol@globex.test");
    },
  },
  {
    sdk: "directorySync.listGroups",
    route: "GET /directory_groups",
    run: async () => {
      const list = await workos.directorySync.listGroups({ directory: SEED.directory });
      expect(list.data.map((group) => group.name).sort()).toEqual(["Engineering", "Sales"]);
    },
  },
  {
    sdk: "directorySync.getGroup",
    route: "GET /directory_groups/:id",
    run: async () => {
      expect((await workos.directorySync.getGroup(SEED.sales)).name).toBe("Sales");
    },
  },
  {
    sdk: "sso.listConnections",
    route: "GET /connections",
    run: async () => {
      const list = await workos.sso.listConnections({ domain: "globex.test" });
      expect(list.data.map((connection) => [connection.id, connection.type, connection.state])).toEqual([
        [SEED.connection, "OktaSAML", "active"],
      ]);
    },
  },
  {
    sdk: "sso.getConnection",
    route: "GET /connections/:id",
    run: async () => {
      expect((await workos.sso.getConnection(SEED.connection)).name).toBe("Globex Okta");
    },
  },
  {
    sdk: "auditLogs.createEvent",
    route: "POST /audit_logs/events",
    run: async () => {
      await workos.auditLogs.createEvent(SEED.acme, {
        action: "report.viewed",
        occurredAt: new Date("2026-01-20T10:00:00.000Z"),
        actor: { id: SEED.alice, type: "user" },
        targets: [{ id: "report_1", type: "report" }],
        context: { location: "127.0.0.1" },
      });
      expect(emulator.state.auditEvents.map((event) => event.event.action)).toEqual(["report.viewed"]);
    },
  },
  {
    sdk: "auditLogs.createExport",
    route: "POST /audit_logs/exports",
    run: async () => {
      const auditExport = await workos.auditLogs.createExport({
        organizationId: SEED.acme,
        rangeStart: new Date("2026-01-01T00:00:00.000Z"),
        rangeEnd: new Date("2026-02-01T00:00:00.000Z"),
      });
      expect(auditExport).toMatchObject({ object: "audit_log_export", state: "ready" });
      made.exportId = auditExport.id;
    },
  },
  {
    sdk: "auditLogs.getExport",
    route: "GET /audit_logs/exports/:id",
    run: async () => {
      expect((await workos.auditLogs.getExport(made.exportId)).id).toBe(made.exportId);
    },
  },
  {
    sdk: "auditLogs.createSchema",
    route: "POST /audit_logs/actions/:action/schemas",
    run: async () => {
      const schema = await workos.auditLogs.createSchema({
        action: "report.viewed",
        actor: { metadata: { role: "string" } },
        targets: [{ type: "report", metadata: { pages: "number" } }],
      });
      expect(schema).toMatchObject({ version: 1, actor: { metadata: { role: "string" } }, targets: [{ type: "report" }] });
    },
  },
  {
    sdk: "auditLogs.listSchemas",
    route: "GET /audit_logs/actions/:action/schemas",
    run: async () => {
      const list = await workos.auditLogs.listSchemas("report.viewed");
      expect(list.data.map((schema) => schema.version)).toEqual([1]);
    },
  },
  {
    sdk: "authorization.listEnvironmentRoles",
    route: "GET /authorization/roles",
    run: async () => {
      const roles = await workos.authorization.listEnvironmentRoles();
      expect(roles.data.map((role) => role.slug)).toEqual(["admin", "analyst", "member"]);
    },
  },
  {
    sdk: "authorization.getEnvironmentRole",
    route: "GET /authorization/roles/:slug",
    run: async () => {
      expect((await workos.authorization.getEnvironmentRole("analyst")).permissions).toEqual(["reports:read"]);
    },
  },
  {
    sdk: "authorization.listOrganizationRoles",
    route: "GET /authorization/organizations/:id/roles",
    run: async () => {
      const roles = await workos.authorization.listOrganizationRoles(SEED.acme);
      expect(roles.data.map((role) => role.slug)).toEqual(["admin", "analyst", "member"]);
    },
  },
  {
    sdk: "authorization.getOrganizationRole",
    route: "GET /authorization/organizations/:id/roles/:slug",
    run: async () => {
      expect((await workos.authorization.getOrganizationRole(SEED.acme, "admin")).type).toBe("EnvironmentRole");
    },
  },
  {
    sdk: "authorization.listPermissions",
    route: "GET /authorization/permissions",
    run: async () => {
      const list = await workos.authorization.listPermissions({ limit: 100 });
      expect(list.data.map((permission) => permission.slug)).toContain("reports:read");
    },
  },
  {
    sdk: "authorization.getPermission",
    route: "GET /authorization/permissions/:slug",
    run: async () => {
      expect((await workos.authorization.getPermission("members:manage")).slug).toBe("members:manage");
    },
  },
  {
    sdk: "directorySync.deleteDirectory",
    route: "DELETE /directories/:id",
    run: async () => {
      await workos.directorySync.deleteDirectory(SEED.directory);
      expect((await workos.directorySync.listDirectories()).data).toEqual([]);
      expect(emulator.state.directoryUsers).toEqual([]);
    },
  },
  {
    sdk: "sso.deleteConnection",
    route: "DELETE /connections/:id",
    run: async () => {
      await workos.sso.deleteConnection(SEED.connection);
      expect((await workos.sso.listConnections()).data).toEqual([]);
    },
  },
];

/** `GET /organizations/:id` → a matcher for the concrete paths the SDK requests. */
function routePattern(route: string): RegExp {
  const escaped = route.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/:[a-zA-Z]+/g, "[^/]+");
  return new RegExp(`^${escaped}$`);
}

const covered = new Map<string, string>();

describe("the @workos-inc/node surface, method by method", () => {
  for (const surfaceCase of CASES) {
    it(`${surfaceCase.sdk} → ${surfaceCase.route}`, async () => {
      const first = requests.length;
      await surfaceCase.run();
      const pattern = routePattern(surfaceCase.route);
      expect(requests.slice(first).some((request) => pattern.test(request)), requests.slice(first).join(", ")).toBe(true);
      covered.set(surfaceCase.sdk, surfaceCase.route);
    });
  }

  it("the README's coverage table is the one these cases produce", () => {
    const rows = CASES.map(({ sdk, route }) => `| \`${sdk}\` | \`${route}\` | ${covered.has(sdk) ? "yes" : "**no**: its case failed"} |`);
    const table = [TABLE_START, "| SDK method | route | covered |", "|---|---|---|", ...rows, TABLE_END].join("\n");
    const readme = readFileSync(README, "utf8");
    const start = readme.indexOf(TABLE_START);
    const end = readme.indexOf(TABLE_END);
    expect(start, "README lacks the coverage table markers").toBeGreaterThan(-1);
    const current = readme.slice(start, end + TABLE_END.length);
    if (process.env.UPDATE_SDK_COVERAGE === "1") writeFileSync(README, readme.replace(current, table));
    else expect(current).toBe(table);
  });
});
