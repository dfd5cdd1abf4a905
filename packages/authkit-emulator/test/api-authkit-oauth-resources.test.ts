import { describe, expect, it } from "vitest";
import { useEmulatorWithSdk } from "./sdk-client.js";

// @workos-inc/node 11 has no method for this API yet, so the routes are called as the WorkOS API
// reference "MCP resource indicator" shows them (curl with the API key as a Bearer token).
const PATH = "/user_management/authkit_oauth_resources";
const SEEDED = { id: "authkit_oauth_resource_01EXAMPLEMCP00000000000000", uri: "http://127.0.0.1:3001/mcp" };

describe("MCP resource indicators: /user_management/authkit_oauth_resources", () => {
  const ctx = useEmulatorWithSdk();
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${ctx.emulator.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${ctx.emulator.apiKey}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, any>) : undefined };
  };

  it("lists the seeded indicator in the documented object shape", async () => {
    const list = await call("GET", PATH);
    expect(list.status).toBe(200);
    expect(list.body).toEqual({
      object: "list",
      data: [{ object: "authkit_oauth_resource", ...SEEDED, default: false, created_at: expect.any(String), updated_at: expect.any(String) }],
      list_metadata: { before: null, after: null },
    });
  });

  it("creates (201), lists and deletes (204) an indicator; a second default takes the flag", async () => {
    const created = await call("POST", PATH, { uri: "https://mcp.example.test/mcp" });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      object: "authkit_oauth_resource",
      id: expect.stringMatching(/^authkit_oauth_resource_01[0-9A-Z]{24}$/),
      uri: "https://mcp.example.test/mcp",
      default: false,
      created_at: expect.any(String),
      updated_at: created.body!.created_at,
    });
    const first = await call("POST", PATH, { uri: "https://a.example.test", default: true });
    const second = await call("POST", PATH, { uri: "https://b.example.test", default: true });
    const listed = await call("GET", `${PATH}?order=asc&limit=100`);
    expect(Object.fromEntries(listed.body!.data.map((r: { uri: string; default: boolean }) => [r.uri, r.default]))).toEqual({
      [SEEDED.uri]: false,
      "https://mcp.example.test/mcp": false,
      "https://a.example.test": false,
      "https://b.example.test": true,
    });

    for (const id of [created.body!.id, first.body!.id, second.body!.id]) {
      const deleted = await call("DELETE", `${PATH}/${id}`);
      expect(deleted).toEqual({ status: 204, body: undefined });
    }
    const again = await call("DELETE", `${PATH}/${created.body!.id}`);
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ code: "entity_not_found" });
    expect((await call("GET", PATH)).body!.data.map((r: { id: string }) => r.id)).toEqual([SEEDED.id]);
  });

  it("refuses a duplicate, a relative or fragment URI, and a non-boolean default with 422", async () => {
    const duplicate = await call("POST", PATH, { uri: SEEDED.uri });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body).toEqual({
      code: "invalid_request_parameters",
      message: `MCP resource indicator '${SEEDED.uri}' already exists.`,
      errors: [{ field: "uri", code: "uri_already_exists" }],
    });
    for (const body of [{}, { uri: "/mcp" }, { uri: "https://mcp.example.test/#top" }, { uri: 42 }, { uri: "https://ok.example.test", default: "yes" }]) {
      const refused = await call("POST", PATH, body);
      expect(refused.status, JSON.stringify(body)).toBe(422);
      expect(refused.body?.code).toBe("invalid_request_parameters");
    }
    expect((await call("GET", PATH)).body!.data).toHaveLength(1);
  });
});
