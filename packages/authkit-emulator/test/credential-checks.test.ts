import { describe, expect, it } from "vitest";
import { readBearerCredential } from "../src/http/bearer-credential.js";
import { constantTimeEqual } from "../src/http/constant-time-equal.js";
import { useOAuthTestEmulator } from "./helpers/oauth-app.js";
import { postForm } from "./helpers/oauth-client.js";

describe("constantTimeEqual", () => {
  it("is true only for equal strings, whatever their lengths", () => {
    expect(constantTimeEqual("sk_test_abc", "sk_test_abc")).toBe(true);
    expect(constantTimeEqual("sk_test_abc", "sk_test_abd")).toBe(false);
    expect(constantTimeEqual("sk_test_ab", "sk_test_abc")).toBe(false);
    expect(constantTimeEqual("", "")).toBe(true);
    expect(constantTimeEqual("", "x")).toBe(false);
  });
});

describe("readBearerCredential", () => {
  it("reads the scheme case-insensitively and tells 'not Bearer' from 'bad Bearer'", () => {
    expect(readBearerCredential("Bearer sk_1")).toEqual({ credential: "sk_1" });
    expect(readBearerCredential("bearer  sk_1 ")).toEqual({ credential: "sk_1" });
    expect(readBearerCredential("Bearer a b")).toEqual({ credential: undefined });
    expect(readBearerCredential("Bearer")).toEqual({ credential: undefined });
    expect(readBearerCredential("Basic abc")).toBeUndefined();
    expect(readBearerCredential("Bearerx sk_1")).toBeUndefined();
    expect(readBearerCredential(undefined)).toBeUndefined();
  });
});

describe("the API key at the introspection endpoint and the REST API", () => {
  const emu = useOAuthTestEmulator();

  it("accepts the same Authorization headers in both places", async () => {
    const apiKey = emu.emulator.state.environment.api_key;
    for (const authorization of [`Bearer ${apiKey}`, `bearer ${apiKey}`, `BEARER  ${apiKey}`]) {
      const introspection = await postForm(`${emu.issuer}/oauth2/introspection`, { token: "not-a-token" }, { authorization });
      expect(introspection, authorization).toMatchObject({ status: 200, body: { active: false } });
      const api = await fetch(`${emu.issuer}/organizations`, { headers: { authorization } });
      expect(api.status, authorization).toBe(200);
    }
    for (const authorization of ["Bearer sk_test_wrong", `Bearer ${apiKey} extra`]) {
      const introspection = await postForm(`${emu.issuer}/oauth2/introspection`, { token: "not-a-token" }, { authorization });
      expect(introspection, authorization).toMatchObject({ status: 401, body: { error: "invalid_client" } });
      expect((await fetch(`${emu.issuer}/organizations`, { headers: { authorization } })).status, authorization).toBe(401);
    }
  });
});
