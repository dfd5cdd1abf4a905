import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "@xmcp-dev/authkit-emulator";
import { AccessDeniedError, createWorkOSAuth, type WorkOSAuth } from "@xmcp-dev/workos";
import { withSession } from "@xmcp-dev/workos/testing";
import getReports from "../src/tools/get-reports.js";
import whoami from "../src/tools/whoami.js";

// The example's tools as plain functions: no server, no HTTP, no sign-in. `withSession` makes
// the caller; `auth` (pointed at the emulator) serves getUser()/getClient() and role look-ups.
let emulator: RunningEmulator;
let auth: WorkOSAuth;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, logger: { info() {}, warn() {}, error() {} } });
  auth = createWorkOSAuth({ apiKey: emulator.apiKey, clientId: emulator.clientId, authkitDomain: emulator.url, apiURL: emulator.url, baseURL: "http://127.0.0.1:3001" });
});
afterAll(() => emulator?.stop());

const ACME = "org_01ACME000000000000000000";

describe("tools, unit-tested with withSession", () => {
  it("whoami names the caller", async () => {
    const text = await withSession({ userId: "user_01ALICE00000000000000000", organizationId: ACME, role: "admin" }, () => whoami(), { auth });
    expect(JSON.parse(text)).toMatchObject({ email: "alice@acme.test", organizationId: ACME, role: "admin" });
  });

  it("get-reports needs reports:read", async () => {
    const report = await withSession({ userId: "user_01DANA000000000000000000", organizationId: ACME, permissions: ["reports:read"] }, () => getReports(), { auth });
    expect(JSON.parse(report)).toMatchObject({ organizationId: ACME, totalMembers: 3 });
    await expect(withSession({ userId: "user_01BOB0000000000000000000", organizationId: ACME, permissions: [] }, () => getReports(), { auth })).rejects.toBeInstanceOf(AccessDeniedError);
  });

  it("with a token from the kit, the session is what a request would see", async () => {
    // Bound to this server's resource (configured in the default seed), as a host's sign-in would be.
    const { accessToken } = await emulator.issueAccessToken({ user: "dana@acme.test", organization: ACME, resource: "http://127.0.0.1:3001/mcp" });
    const text = await withSession(accessToken, () => whoami(), { auth });
    expect(JSON.parse(text)).toMatchObject({ email: "dana@acme.test", role: "analyst", permissions: ["reports:read"] });
  });
});
