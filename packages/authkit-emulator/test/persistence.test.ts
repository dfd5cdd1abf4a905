import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EmulatorStartupError, startEmulator } from "../src/index.js";
import { SEED, workosFor } from "./sdk-client.js";

const dir = mkdtempSync(join(tmpdir(), "authkit-emulator-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("--data persistence", () => {
  it("keeps changes and signing keys across a stop/start", async () => {
    const data = join(dir, "nested", "state.json");
    const first = await startEmulator({ port: 0, data });
    const kid = first.state.keys[0]?.kid;
    await workosFor(first).userManagement.updateUser({ userId: SEED.carol, lastName: "Chen-Persisted" });
    await workosFor(first).auditLogs.createEvent(
      SEED.globex,
      { action: "a.b", occurredAt: new Date(), actor: { id: "x", type: "user" }, targets: [], context: { location: "::1" } },
      { idempotencyKey: "persisted-key" },
    );
    await first.stop();

    const onDisk = JSON.parse(readFileSync(data, "utf8")) as { users: { id: string; last_name: string }[] };
    expect(onDisk.users.find((u) => u.id === SEED.carol)?.last_name).toBe("Chen-Persisted");
    expect(readdirSync(join(dir, "nested")).filter((f) => f.endsWith(".tmp"))).toEqual([]);

    const second = await startEmulator({ port: 0, data });
    try {
      expect((await workosFor(second).userManagement.getUser(SEED.carol)).lastName).toBe("Chen-Persisted");
      expect(second.state.keys[0]?.kid).toBe(kid);
      await workosFor(second).auditLogs.createEvent(
        SEED.globex,
        { action: "a.b", occurredAt: new Date(), actor: { id: "x", type: "user" }, targets: [], context: { location: "::1" } },
        { idempotencyKey: "persisted-key" },
      );
      expect(second.state.auditEvents).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });

  it("writes debounced changes without waiting for stop, and reset goes back to the seed", async () => {
    const data = join(dir, "live.json");
    const emulator = await startEmulator({ port: 0, data });
    try {
      await workosFor(emulator).userManagement.updateUser({ userId: SEED.dana, firstName: "Danielle" });
      await expect
        .poll(() => JSON.parse(readFileSync(data, "utf8")).users.find((u: { id: string }) => u.id === SEED.dana).first_name)
        .toBe("Danielle");
      emulator.reset();
      expect((await workosFor(emulator).userManagement.getUser(SEED.dana)).firstName).toBe("Dana");
    } finally {
      await emulator.stop();
    }
    const afterReset = JSON.parse(readFileSync(data, "utf8")) as { users: { id: string; first_name: string }[] };
    expect(afterReset.users.find((u) => u.id === SEED.dana)?.first_name).toBe("Dana");
  });

  it("keeps the environment's resource indicators and switches across a restart; reset keeps the options", async () => {
    const data = join(dir, "environment.json");
    const resources = ["http://127.0.0.1:4100/mcp"];
    const first = await startEmulator({ port: 0, data, resources, dynamicClientRegistration: false });
    const created = await fetch(`${first.url}/user_management/authkit_oauth_resources`, {
      method: "POST",
      headers: { authorization: `Bearer ${first.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ uri: "https://mcp.example.test/mcp", default: true }),
    });
    expect(created.status).toBe(201);
    const configuredId = first.state.environment.resource_indicators[0]?.id;
    await first.stop();

    const second = await startEmulator({ port: 0, data });
    try {
      expect(second.state.environment).toMatchObject({ dynamic_client_registration: false, client_id_metadata_document: true });
      expect(second.state.environment.resource_indicators.map((r) => [r.id, r.uri, r.default])).toEqual([
        [configuredId, resources[0], false],
        [expect.stringMatching(/^authkit_oauth_resource_/), "https://mcp.example.test/mcp", true],
      ]);
    } finally {
      await second.stop();
    }

    // Restarted with the same --resource, the indicator keeps its id; reset() keeps what the options set.
    const third = await startEmulator({ port: 0, data, resources, dynamicClientRegistration: false });
    try {
      expect(third.state.environment.resource_indicators.map((r) => r.id)).toEqual([configuredId]);
      third.reset();
      expect(third.state.environment).toMatchObject({ dynamic_client_registration: false, resource_indicators: [{ id: configuredId, uri: resources[0] }] });
    } finally {
      await third.stop();
    }
  });

  it("a corrupt data file or seed stops start-up with a coded error naming the file", async () => {
    const corrupt = join(dir, "corrupt.json");
    writeFileSync(corrupt, "{ nope");
    const dataError = await startEmulator({ port: 0, data: corrupt }).catch((e: unknown) => e);
    expect(dataError).toBeInstanceOf(EmulatorStartupError);
    expect((dataError as EmulatorStartupError).code).toBe("ERR_EMULATOR_DATA_UNREADABLE");
    expect((dataError as Error).message).toContain(corrupt);

    const badSeed = join(dir, "bad-seed.json");
    writeFileSync(badSeed, JSON.stringify({ environment: { api_key: "nope", client_id: "client_x" } }));
    const seedError = await startEmulator({ port: 0, seed: badSeed }).catch((e: unknown) => e);
    expect((seedError as EmulatorStartupError).code).toBe("ERR_EMULATOR_SEED_INVALID");
    expect((seedError as Error).message).toContain("environment.api_key");
  });

  it("a custom seed without runtime arrays starts, and options are checked at start-up", async () => {
    const seed = join(dir, "minimal-seed.json");
    writeFileSync(seed, JSON.stringify({ environment: { api_key: "sk_test_custom", client_id: "client_custom" } }));
    const emulator = await startEmulator({ port: 0, seed });
    try {
      expect(emulator.apiKey).toBe("sk_test_custom");
      expect((await workosFor(emulator).organizations.listOrganizations()).data).toEqual([]);
    } finally {
      await emulator.stop();
    }
    for (const options of [{ port: -1 }, { port: 1.5 }, { accessTokenTtl: 0 }, { autoLogin: "ghost@acme.test" }]) {
      const error = await startEmulator({ ...options }).catch((e: unknown) => e);
      expect((error as EmulatorStartupError).code, JSON.stringify(options)).toBe("ERR_EMULATOR_OPTION_INVALID");
    }
  });

  it("a busy port is a coded start-up error", async () => {
    const first = await startEmulator({ port: 0 });
    try {
      const error = await startEmulator({ port: first.port }).catch((e: unknown) => e);
      expect((error as EmulatorStartupError).code).toBe("ERR_EMULATOR_PORT_IN_USE");
    } finally {
      await first.stop();
    }
  });
});
