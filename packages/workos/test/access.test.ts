import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { RequestHandler } from "express";
import { startEmulator, type RunningEmulator } from "@xmcp-dev/authkit-emulator";
import { AccessDeniedError, getAccess, requireOrganization, requireScopes } from "../src/index.js";
import { baseConfig, startApp, type TestApp } from "./helpers/app.js";
import { TestIssuer } from "./helpers/issuer.js";

const ALICE = "user_01ALICE00000000000000000";
const BOB = "user_01BOB0000000000000000000";
const ACME = "org_01ACME000000000000000000";
const GLOBEX = "org_01GLOBEX0000000000000000";

/** Runs the check named in the body inside the authenticated request and reports its outcome. */
const checks: Record<string, () => Promise<unknown>> = {
  "hasPermission reports:read": async () => (await getAccess()).hasPermission("reports:read"),
  "hasRole admin": async () => (await getAccess()).hasRole("admin"),
  "hasRole member": async () => (await getAccess()).hasRole("member"),
  "requirePermission reports:read": async () => (await getAccess()).requirePermission("reports:read"),
  "requirePermission reports:read members:manage": async () => (await getAccess()).requirePermission("reports:read", "members:manage"),
  "requireRole admin": async () => (await getAccess()).requireRole("admin"),
  "requireRole admin analyst": async () => (await getAccess()).requireRole("admin", "analyst"),
  "requireOrganization": async () => requireOrganization(),
  "requireOrganization globex": async () => requireOrganization(GLOBEX),
  "access.requireOrganization globex": async () => (await getAccess()).requireOrganization(GLOBEX),
  "requireScopes email": async () => requireScopes("email"),
  "requireScopes email offline_access": async () => requireScopes("email", "offline_access"),
  "access.requireScopes email offline_access": async () => (await getAccess()).requireScopes("email", "offline_access"),
  "resolved once": async () => (await getAccess()) === (await getAccess()),
  "forgotten await": async () => {
    let bodyRan = false;
    try {
      // What a tool that forgets `await` does: the check line itself must stop the tool.
      const access = getAccess();
      forgotten.push(access);
      (access as unknown as Awaited<typeof access>).requirePermission("reports:read");
      bodyRan = true;
    } catch (error) {
      return { bodyRan, thrown: (error as Error).name };
    }
    return { bodyRan };
  },
};
/** Promises a tool never awaited, watched without attaching a handler (which would hide an unhandled rejection). */
const forgotten: Promise<unknown>[] = [];
const settled = (promise: Promise<unknown>) => !inspect(promise).includes("<pending>");

const handler: RequestHandler = async (req, res) => {
  const name = String(req.query.check);
  try {
    res.json({ ok: true, value: (await checks[name]!()) ?? null });
  } catch (error) {
    if (error instanceof AccessDeniedError) res.json({ ok: false, code: error.code, message: error.message, missing: error.missing });
    else res.json({ ok: false, error: String(error) });
  }
};

let issuer: TestIssuer;
let emulator: RunningEmulator;
let viaApi: TestApp;
let offline: TestApp;

beforeAll(async () => {
  issuer = await TestIssuer.start();
  emulator = await startEmulator({ port: 0, logger: { info() {}, warn() {}, error() {} } });
  viaApi = await startApp(baseConfig(issuer.url, { apiKey: emulator.apiKey, apiURL: emulator.url }), handler);
  // Nothing listens on port 9: any WorkOS API call from this app fails, proving claims alone decided.
  offline = await startApp(baseConfig(issuer.url, { apiURL: "http://127.0.0.1:9", apiMaxRetries: 0 }), handler);
});
afterAll(async () => {
  await viaApi.stop();
  await offline.stop();
  await emulator.stop();
  await issuer.stop();
});

async function check(app: TestApp, claims: Record<string, unknown>, name: string) {
  const token = await issuer.token(claims);
  const res = await fetch(`${app.url}/mcp?check=${encodeURIComponent(name)}`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return res.json();
}

describe("with role and permissions in the token (JWT template)", () => {
  const admin = { sub: ALICE, org_id: ACME, role: "admin", roles: ["admin"], permissions: ["reports:read", "members:manage"], scope: "openid email" };
  const member = { sub: BOB, org_id: ACME, role: "member", permissions: ["posts:read"], scope: "openid" };

  it("decides from the claims without calling the API", async () => {
    expect(await check(offline, admin, "hasPermission reports:read")).toEqual({ ok: true, value: true });
    expect(await check(offline, admin, "hasRole admin")).toEqual({ ok: true, value: true });
    expect(await check(offline, member, "hasRole admin")).toEqual({ ok: true, value: false });
    expect(await check(offline, admin, "requirePermission reports:read members:manage")).toEqual({ ok: true, value: null });
  });

  it("denies with a message naming what is missing", async () => {
    expect(await check(offline, member, "requirePermission reports:read members:manage")).toEqual({
      ok: false,
      code: "missing_permission",
      message: "Forbidden: missing permission reports:read, members:manage",
      missing: ["reports:read", "members:manage"],
    });
    expect(await check(offline, member, "requireRole admin analyst")).toEqual({
      ok: false,
      code: "missing_role",
      message: "Forbidden: requires role admin or analyst",
      missing: ["admin", "analyst"],
    });
  });

  it("checks organization and scopes", async () => {
    expect(await check(offline, admin, "requireOrganization")).toEqual({ ok: true, value: ACME });
    expect(await check(offline, admin, "access.requireOrganization globex")).toMatchObject({ ok: false, code: "wrong_organization" });
    expect(await check(offline, admin, "access.requireScopes email offline_access")).toMatchObject({ ok: false, code: "missing_scope" });
    expect(await check(offline, admin, "requireOrganization globex")).toMatchObject({ ok: false, code: "wrong_organization", message: `Forbidden: requires organization ${GLOBEX}` });
    expect(await check(offline, { ...admin, org_id: undefined }, "requireOrganization")).toMatchObject({ ok: false, code: "missing_organization" });
    expect(await check(offline, admin, "requireScopes email")).toEqual({ ok: true, value: null });
    expect(await check(offline, admin, "requireScopes email offline_access")).toEqual({
      ok: false,
      code: "missing_scope",
      message: "Forbidden: missing scope offline_access",
      missing: ["offline_access"],
    });
  });
});

describe("with AuthKit's plain MCP token (org_id, no role): resolved through the WorkOS API", () => {
  it("gives an admin membership its role's permissions", async () => {
    const alice = { sub: ALICE, org_id: ACME };
    expect(await check(viaApi, alice, "hasRole admin")).toEqual({ ok: true, value: true });
    expect(await check(viaApi, alice, "hasPermission reports:read")).toEqual({ ok: true, value: true });
    expect(await check(viaApi, alice, "requirePermission reports:read members:manage")).toEqual({ ok: true, value: null });
  });

  it("uses the membership of the token's organization, not another one", async () => {
    const aliceInGlobex = { sub: ALICE, org_id: GLOBEX };
    expect(await check(viaApi, aliceInGlobex, "hasRole member")).toEqual({ ok: true, value: true });
    expect(await check(viaApi, aliceInGlobex, "hasRole admin")).toEqual({ ok: true, value: false });
    expect(await check(viaApi, aliceInGlobex, "requirePermission reports:read")).toMatchObject({ ok: false, code: "missing_permission" });
  });

  it("denies a member the admin role and ungranted permissions", async () => {
    const bob = { sub: BOB, org_id: ACME };
    expect(await check(viaApi, bob, "requireRole admin")).toMatchObject({ ok: false, message: "Forbidden: requires role admin" });
    expect(await check(viaApi, bob, "hasPermission reports:read")).toEqual({ ok: true, value: false });
  });

  it("treats a user with no membership in the organization as holding nothing", async () => {
    const bobInGlobex = { sub: BOB, org_id: GLOBEX };
    expect(await check(viaApi, bobInGlobex, "hasRole member")).toEqual({ ok: true, value: false });
  });

  it("surfaces an unreachable API as an error, not as a denial", async () => {
    const result = await check(offline, { sub: BOB, org_id: ACME }, "hasRole admin");
    expect(result.ok).toBe(false);
    expect(result.error).toContain("WorkOSApiError: [WorkOS] Could not look up the caller's organization membership");
  });

  it("resolves the membership once per request", async () => {
    expect(await check(viaApi, { sub: ALICE, org_id: ACME }, "resolved once")).toEqual({ ok: true, value: true });
  });
});

describe("a forgotten await", () => {
  it("stops the tool at the check instead of running its body unchecked", async () => {
    const admin = { sub: ALICE, org_id: ACME, role: "admin", permissions: ["reports:read"] };
    expect(await check(offline, admin, "forgotten await")).toEqual({ ok: true, value: { bodyRan: false, thrown: "TypeError" } });
  });

  it("does not turn a failing WorkOS API call into an unhandled rejection", async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => void unhandled.push(reason);
    process.on("unhandledRejection", record);
    try {
      // The API is unreachable from `offline`: the never-awaited lookup fails in the background.
      expect(await check(offline, { sub: BOB, org_id: ACME }, "forgotten await")).toMatchObject({ value: { bodyRan: false } });
      const access = forgotten.at(-1)!;
      await vi.waitFor(() => expect(settled(access)).toBe(true), { timeout: 20_000 });
      expect(inspect(access)).toContain("WorkOSApiError");
      // Node reports unhandled rejections once the microtask queue drains after the rejection.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("unhandledRejection", record);
    }
    expect(unhandled).toEqual([]);
  });
});
