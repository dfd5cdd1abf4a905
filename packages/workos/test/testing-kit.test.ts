import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "@xmcp-dev/authkit-emulator";
import { AccessDeniedError, WorkOSAuthError, WorkOSContextError, createWorkOSAuth, getAccess, getClient, getSession, getUser, type WorkOSAuth } from "../src/index.js";
import { withSession } from "../src/testing/index.js";
import { signInThroughEmulator } from "./helpers/emulator-sign-in.js";

const silent = { info() {}, warn() {}, error() {} };
const ALICE = "user_01ALICE00000000000000000";
const BOB = "user_01BOB0000000000000000000";
const ACME = "org_01ACME000000000000000000";

let emulator: RunningEmulator;
let auth: WorkOSAuth;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, logger: silent, autoLogin: "alice@acme.test" });
  auth = createWorkOSAuth({
    apiKey: emulator.apiKey,
    clientId: emulator.clientId,
    authkitDomain: emulator.url,
    apiURL: emulator.url,
    baseURL: "http://127.0.0.1:3001",
  });
});
afterAll(() => emulator?.stop());

describe("withSession: tools without HTTP", () => {
  it("gives getSession() the fields, with dates, and the access checks work on them", async () => {
    const expiresAt = new Date(Date.now() + 60_000);
    const result = await withSession({ userId: ALICE, organizationId: ACME, role: "admin", permissions: ["reports:read"], expiresAt }, async () => {
      const access = await getAccess();
      access.requirePermission("reports:read");
      expect(() => access.requirePermission("billing:write")).toThrow(AccessDeniedError);
      return { session: getSession(), admin: access.hasRole("admin") };
    });
    expect(result.session).toMatchObject({ userId: ALICE, organizationId: ACME, role: "admin", scopes: ["openid", "profile", "email"] });
    expect(result.session.expiresAt).toEqual(new Date(Math.floor(expiresAt.getTime() / 1000) * 1000));
    expect(result.admin).toBe(true);
  });

  it("leaves nothing behind: outside the callback there is no session", async () => {
    await withSession({ userId: ALICE }, () => getSession());
    expect(() => getSession()).toThrow(WorkOSContextError);
  });

  it("keeps concurrent test sessions apart", async () => {
    const seen = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        withSession({ userId: i % 2 ? ALICE : BOB }, async () => {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
          return [i % 2 ? ALICE : BOB, getSession().userId];
        }),
      ),
    );
    for (const [expected, actual] of seen) expect(actual).toBe(expected);
  });

  it("says what to pass when a session without a WorkOS client calls getUser() or getClient()", async () => {
    await withSession({ userId: ALICE }, async () => {
      await expect(async () => getUser()).rejects.toMatchObject({ code: "client_not_initialized", message: expect.stringContaining("createWorkOSAuth") });
      expect(() => getClient().organizations).toThrow(/createWorkOSAuth/);
    });
  });

  it("reaches the emulator through { auth }: getUser() and role look-ups through the WorkOS API", async () => {
    const result = await withSession({ userId: ALICE, organizationId: ACME }, async () => {
      const access = await getAccess(); // no role in the fields: looked up from the membership
      return { email: (await getUser()).email, admin: access.hasRole("admin"), org: (await getClient().organizations.getOrganization(ACME)).name };
    }, { auth });
    expect(result).toEqual({ email: "alice@acme.test", admin: true, org: "Acme Corp" });
  });

  it("verifies an access token like a request does, and refuses a bad one with the request's error", async () => {
    const token = await signInThroughEmulator(emulator, "http://127.0.0.1:3001/mcp");
    const userId = await withSession(token, () => getSession().userId, { auth });
    expect(userId).toBe(ALICE);
    await expect(withSession(`${token.slice(0, -4)}AAAA`, () => "ran", { auth })).rejects.toBeInstanceOf(WorkOSAuthError);
    await expect(withSession(token, () => "ran")).rejects.toThrow(/needs \{ auth/);
  });

  it("refuses a session without a userId", async () => {
    await expect(withSession({} as never, () => "ran")).rejects.toThrow(TypeError);
  });

  it("says claims must be JSON values when one is not, and freezes a copy of nested claims, leaving the test's own objects alone", async () => {
    await expect(withSession({ userId: ALICE, claims: { callback: () => {} } }, () => "ran")).rejects.toThrow(/claims must be JSON values/);
    const groups = ["a", "b"];
    const seen = await withSession({ userId: ALICE, claims: { groups, nested: { groups } } }, () => {
      const { claims } = getSession();
      return { frozen: Object.isFrozen(claims.groups) && Object.isFrozen((claims.nested as { groups: string[] }).groups), groups: claims.groups };
    });
    expect(seen).toEqual({ frozen: true, groups: ["a", "b"] });
    groups.push("c"); // the test's array was copied, not frozen
    expect(groups).toEqual(["a", "b", "c"]);
  });

  it("refuses to load with NODE_ENV=production", () => {
    const built = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist/testing.js");
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", `await import(${JSON.stringify(built)})`], {
      env: { PATH: process.env.PATH ?? "", NODE_ENV: "production" },
      encoding: "utf8",
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("refuses to run with NODE_ENV=production");
    const allowed = spawnSync(process.execPath, ["--input-type=module", "-e", `await import(${JSON.stringify(built)})`], {
      env: { PATH: process.env.PATH ?? "", NODE_ENV: "test" },
      encoding: "utf8",
    });
    expect(allowed.status).toBe(0);
  });
});
