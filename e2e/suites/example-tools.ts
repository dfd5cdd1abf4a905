import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "@modelcontextprotocol/client";
import { startEmulator, type RunningEmulator } from "@xmcp-dev/authkit-emulator";
import { auditEvents } from "../helpers/emulator-admin.js";
import { callTool, connectWithSignIn } from "../helpers/mcp-client.js";
import type { RunningTarget, Target } from "../helpers/target.js";

const ACME = "org_01ACME000000000000000000";
const GLOBEX = "org_01GLOBEX0000000000000000";
const silent = { info() {}, warn() {}, error() {} };

/**
 * Every tool of the example, signed in as the seeded users, on one target: the tools are the same
 * files on every target, so they must answer the same.
 */
export function describeExampleTools(target: Target): void {
  let emulator: RunningEmulator;
  let server: RunningTarget;
  const sessions: { close(): Promise<void> }[] = [];
  let alice: Client; // admin of Acme
  let bob: Client; // member of Acme
  let dana: Client; // analyst of Acme
  let carol: Client; // admin of Globex, signed in through SSO

  beforeAll(async () => {
    const reserved = await target.reserve();
    emulator = await startEmulator({ port: 0, resources: [reserved.mcpURL], logger: silent });
    server = await reserved.start(emulator.url);
    const signIn = async (email: string, organization?: string) => {
      const session = await connectWithSignIn(server.mcpURL, { email, ...(organization ? { organization } : {}) });
      sessions.push(session);
      return session.client;
    };
    [alice, bob, dana, carol] = await Promise.all([
      signIn("alice@acme.test", "Acme"),
      signIn("bob@acme.test"),
      signIn("dana@acme.test"),
      signIn("carol@globex.test"),
    ]);
  });
  afterAll(async () => {
    await Promise.all(sessions.map((s) => s.close()));
    await server?.stop();
    await emulator?.stop();
  });

  describe("every example tool returns what the seed says", () => {
    it("lists the tools", async () => {
      const { tools } = await alice.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual(
        ["get-directory", "get-my-memberships", "get-organization", "get-reports", "greet", "list-members", "list-sso-connections", "record-audit-event", "whoami"].sort(),
      );
    });

    it("whoami", async () => {
      expect(JSON.parse((await callTool(carol, "whoami")).text)).toMatchObject({
        userId: "user_01CAROL00000000000000000",
        email: "carol@globex.test",
        name: "Carol Chen",
        organizationId: GLOBEX,
        role: "admin",
      });
    });

    it("greet", async () => {
      expect(await callTool(bob, "greet", { name: "Ada" })).toEqual({
        isError: false,
        text: "Hello, Ada! Your user ID is user_01BOB0000000000000000000",
      });
    });

    it("get-my-memberships", async () => {
      const memberships = JSON.parse((await callTool(alice, "get-my-memberships")).text);
      expect(memberships).toEqual(
        expect.arrayContaining([
          { organizationId: ACME, organizationName: "Acme Corp", role: "admin" },
          { organizationId: GLOBEX, organizationName: "Globex", role: "member" },
        ]),
      );
      expect(memberships).toHaveLength(2);
    });

    it("get-organization", async () => {
      expect(JSON.parse((await callTool(bob, "get-organization")).text)).toEqual({ id: ACME, name: "Acme Corp", domains: ["acme.test"] });
    });

    it("get-directory", async () => {
      const result = JSON.parse((await callTool(carol, "get-directory")).text);
      expect(result.directories).toHaveLength(1);
      expect(result.directories[0].directory).toMatchObject({ id: "directory_01GLOBEX00000000000", name: "Globex Okta SCIM" });
      expect(result.directories[0].users.map((u: { email: string }) => u.email).sort()).toEqual(["carol@globex.test", "eve@globex.test", "frank@globex.test"]);
      expect(result.directories[0].groups.sort()).toEqual(["Engineering", "Sales"]);
      expect(JSON.parse((await callTool(bob, "get-directory")).text).directories).toEqual([]);
    });

    it("list-sso-connections", async () => {
      expect(JSON.parse((await callTool(carol, "list-sso-connections")).text)).toEqual([
        { id: "conn_01GLOBEXOKTA000000000000", name: "Globex Okta", type: "OktaSAML", state: "active" },
      ]);
    });

    it("record-audit-event writes an event the emulator stores for the caller's organization", async () => {
      const before = (await auditEvents(emulator.url)).length;
      const result = await callTool(dana, "record-audit-event", { action: "report.exported", target: "report_42" });
      expect(result.isError).toBe(false);
      expect(result.text).toContain("Recorded report.exported on report_42 for user_01DANA000000000000000000");
      const after = await auditEvents(emulator.url);
      expect(after).toHaveLength(before + 1);
      expect(after.at(-1)).toMatchObject({
        organization_id: ACME,
        event: { action: "report.exported", actor: { type: "user", id: "user_01DANA000000000000000000" } },
      });
    });

    it("rejects invalid tool input with a readable error", async () => {
      const result = await callTool(dana, "record-audit-event", { action: "Not An Action!", target: "x" });
      expect(result.isError).toBe(true);
      expect(result.text).toContain("lower-case action name");
    });
  });

  describe("access control end to end", () => {
    it("refuses the member the admin tool with a readable tool error", async () => {
      expect(await callTool(bob, "list-members")).toEqual({ isError: true, text: expect.stringContaining("Forbidden: requires role admin") });
    });

    it("lets the admin list the members", async () => {
      const members = JSON.parse((await callTool(alice, "list-members")).text);
      expect(members.map((m: { email: string; role: string }) => `${m.email}:${m.role}`).sort()).toEqual([
        "alice@acme.test:admin",
        "bob@acme.test:member",
        "dana@acme.test:analyst",
      ]);
    });

    it("gates get-reports on the role's reports:read permission", async () => {
      expect(await callTool(bob, "get-reports")).toEqual({ isError: true, text: expect.stringContaining("Forbidden: missing permission reports:read") });
      const report = JSON.parse((await callTool(dana, "get-reports")).text);
      expect(report).toEqual({ organizationId: ACME, totalMembers: 3, membersByRole: { admin: 1, member: 1, analyst: 1 } });
      expect((await callTool(alice, "get-reports")).isError).toBe(false);
    });

    it("applies a membership granted in WorkOS once the caller signs in to that organization", async () => {
      const res = await fetch(`${emulator.url}/_emulator/memberships`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ user_id: "user_01DANA000000000000000000", organization_id: GLOBEX, role_slug: "analyst" }),
      });
      expect(res.status).toBe(201);
      const session = await connectWithSignIn(server.mcpURL, { email: "dana@acme.test", organization: "Globex" });
      sessions.push(session);
      const report = JSON.parse((await callTool(session.client, "get-reports")).text);
      expect(report.organizationId).toBe(GLOBEX);
    });
  });
}
