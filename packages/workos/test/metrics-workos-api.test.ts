import { describe, expect, it } from "vitest";
import type { RequestHandler } from "express";
import { getUser } from "../src/index.js";
import { RESOURCE } from "./helpers/app.js";
import { installInMemoryMetrics, points } from "./helpers/otel-reader.js";
import { useWorkOSApiBehindProxy } from "./helpers/workos-api-fixture.js";

const otel = installInMemoryMetrics();
// Seed users of the emulator (packages/authkit-emulator/seed/default-seed.json).
const ALICE = "user_01ALICE00000000000000000";
const NOBODY = "user_01NOBODY000000000000000";

const tool: RequestHandler = async (_req, res) => {
  try {
    res.json({ id: (await getUser()).id });
  } catch (error) {
    res.json({ failed: (error as { code?: string }).code });
  }
};
const api = useWorkOSApiBehindProxy(tool);

describe("WorkOS API metrics", () => {
  it("times each API request by SDK method, marks failures with error.type, and counts getUser cache hits", async () => {
    const app = await api.start();
    const call = async (userId: string) => {
      const token = await api.issuer.token({ aud: RESOURCE, sub: userId });
      return (await fetch(`${app.url}/mcp`, { method: "POST", headers: { authorization: `Bearer ${token}` } })).json();
    };
    for (let i = 0; i < 3; i++) expect(await call(ALICE)).toEqual({ id: ALICE });
    expect(await call(NOBODY)).toEqual({ failed: "workos_api_error" });

    expect(app.provider.stats().workosApi["userManagement.getUser"]).toEqual({ calls: 2, failures: 1 });
    expect(app.provider.stats().userCache).toEqual({ hits: 2, misses: 2 });

    const all = await otel.collected();
    const requests = points<{ count: number }>(all, "xmcp.workos.api.request.duration");
    expect(requests.map((p) => [p.attributes, p.value.count])).toEqual(
      expect.arrayContaining([
        [{ "xmcp.workos.api.method": "userManagement.getUser" }, 1],
        [{ "xmcp.workos.api.method": "userManagement.getUser", "error.type": expect.any(String) }, 1],
      ]),
    );
    expect(requests).toHaveLength(2);
    const lookups = points<number>(all, "xmcp.workos.user_cache.lookups");
    expect(Object.fromEntries(lookups.map((p) => [p.attributes["xmcp.workos.cache.result"], p.value]))).toEqual({ hit: 2, miss: 2 });

    const attributeValues = all.flatMap((metric) => (metric.dataPoints as { attributes: Record<string, unknown> }[]).flatMap((p) => Object.values(p.attributes).map(String)));
    for (const value of attributeValues) for (const id of [ALICE, NOBODY, "user_01TEST"]) expect(value).not.toContain(id);
  });
});
