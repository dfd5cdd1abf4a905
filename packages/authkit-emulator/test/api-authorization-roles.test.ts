import { afterAll, beforeAll, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../src/index.js";
import { SEED, workosFor } from "./sdk-client.js";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, logger: { info() {}, warn() {}, error() {} } });
});
afterAll(async () => emulator.stop());

it("lists an organization's roles with their permissions through the SDK", async () => {
  const roles = await workosFor(emulator).authorization.listOrganizationRoles(SEED.acme);
  expect(roles.data.map((r) => [r.slug, r.permissions])).toEqual([
    ["admin", ["reports:read", "reports:write", "members:manage", "audit:write"]],
    ["analyst", ["reports:read"]],
    ["member", ["posts:read"]],
  ]);
  expect(roles.data[0]).toMatchObject({ object: "role", name: "Admin", resourceTypeSlug: "organization" });
});

it("answers 404 for an unknown organization", async () => {
  await expect(workosFor(emulator).authorization.listOrganizationRoles("org_unknown")).rejects.toMatchObject({ status: 404 });
});
