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

describe("the API key at the REST API, and never at the introspection endpoint", () => {
  const emu = useOAuthTestEmulator();

  it("accepts the same Authorization header spellings at the REST API", async () => {
    const apiKey = emu.emulator.state.environment.api_key;
    for (const authorization of [`Bearer ${apiKey}`, `bearer ${apiKey}`, `BEARER  ${apiKey}`]) {
      expect((await fetch(`${emu.issuer}/organizations`, { headers: { authorization } })).status, authorization).toBe(200);
    }
    for (const authorization of ["Bearer sk_test_wrong", `Bearer ${apiKey} extra`]) {
      expect((await fetch(`${emu.issuer}/organizations`, { headers: { authorization } })).status, authorization).toBe(401);
    }
  });

  it("refuses the API key, Basic credentials and a public client at the introspection endpoint, as AuthKit's reference allows only the application's id and secret in the body", async () => {
    const apiKey = emu.emulator.state.environment.api_key;
    const register = async (method: string) =>
      (await (await fetch(`${emu.issuer}/oauth2/register`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ redirect_uris: ["https://resource-server.example/cb"], token_endpoint_auth_method: method }),
      })).json()) as { client_id: string; client_secret?: string };
    const confidential = await register("client_secret_basic");
    const publicClient = await register("none");
    const basic = `Basic ${Buffer.from(`${confidential.client_id}:${confidential.client_secret}`).toString("base64")}`;
    const refused: [string, Record<string, string>, Record<string, string>][] = [
      ["the API key", { token: "not-a-token" }, { authorization: `Bearer ${apiKey}` }],
      ["Basic credentials", { token: "not-a-token" }, { authorization: basic }],
      ["a public client's id alone", { token: "not-a-token", client_id: publicClient.client_id }, {}],
      ["a wrong secret", { token: "not-a-token", client_id: confidential.client_id, client_secret: "wrong" }, {}],
      ["a metadata-document client id", { token: "not-a-token", client_id: "http://127.0.0.1:9/client.json", client_secret: "x" }, {}],
    ];
    for (const [what, form, headers] of refused) {
      const answer = await postForm(`${emu.issuer}/oauth2/introspection`, form, headers);
      expect(answer, what).toMatchObject({ status: 401, body: { error: "invalid_client" } });
    }
    const accepted = await postForm(`${emu.issuer}/oauth2/introspection`, { token: "not-a-token", client_id: confidential.client_id, client_secret: confidential.client_secret! });
    expect(accepted).toMatchObject({ status: 200, body: { active: false } });
  });
});
