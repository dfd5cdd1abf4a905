import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../src/index.js";
import { shapeProblems, type Shape } from "./conformance/check-shape.js";
import * as wire from "./conformance/wire-shapes.js";
import { SEED, workosFor } from "./sdk-client.js";

/**
 * A `--data` file written before records followed the WorkOS wire shapes still loads, and what
 * it holds goes out in today's shapes (the store upgrades records on load).
 */
const dir = mkdtempSync(join(tmpdir(), "authkit-emulator-legacy-"));
let emulator: RunningEmulator;

beforeAll(async () => {
  const data = join(dir, "state.json");
  copyFileSync(new URL("./fixtures/data-file-before-wire-shapes.json", import.meta.url), data);
  emulator = await startEmulator({ port: 0, data });
});
afterAll(async () => {
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function raw(path: string): Promise<unknown> {
  const res = await fetch(`${emulator.url}${path}`, { headers: { authorization: `Bearer ${emulator.apiKey}` } });
  expect(res.status, path).toBe(200);
  return res.json();
}

describe("a data file from before the wire shapes", () => {
  const routes: [string, Shape][] = [
    [`/user_management/users/${SEED.alice}`, wire.USER],
    [`/organizations/${SEED.acme}`, wire.ORGANIZATION],
    [`/user_management/organization_memberships/${SEED.aliceAcme}`, wire.MEMBERSHIP],
    [`/user_management/users/${SEED.alice}/sessions`, wire.list(wire.SESSION)],
    [`/directories/${SEED.directory}`, wire.DIRECTORY],
    [`/connections/${SEED.connection}`, wire.CONNECTION],
    ["/authorization/roles", wire.ROLE_LIST],
  ];
  for (const [path, shape] of routes) {
    it(`GET ${path} answers in the current wire shape`, async () => {
      expect(shapeProblems(await raw(path), shape)).toEqual([]);
    });
  }

  it("fills what the old records lacked from what they had", async () => {
    const user = (await raw(`/user_management/users/${SEED.alice}`)) as { name: string; locale: null };
    expect(user).toMatchObject({ name: "Alice Anderson", locale: null });
    const organization = (await raw(`/organizations/${SEED.acme}`)) as { domains: Record<string, unknown>[]; created_at: string };
    expect(organization.domains[0]).toMatchObject({ organization_id: SEED.acme, created_at: organization.created_at });
    expect(await raw(`/directories/${SEED.directory}`)).toMatchObject({ state: "linked" });
    expect(await raw(`/connections/${SEED.connection}`)).toMatchObject({ state: "active", status: "linked" });
  });

  it("keeps role ids stable across restarts (derived from the slug)", async () => {
    const first = (await workosFor(emulator).authorization.listEnvironmentRoles()).data.map((role) => role.id);
    const again = await startEmulator({ port: 0, seed: new URL("./fixtures/data-file-before-wire-shapes.json", import.meta.url).pathname });
    try {
      expect((await workosFor(again).authorization.listEnvironmentRoles()).data.map((role) => role.id)).toEqual(first);
    } finally {
      await again.stop();
    }
  });
});
