import { describe, expect, it } from "vitest";
import { useOAuthTestEmulator } from "./helpers/oauth-app.js";

const ALICE = "user_01ALICE00000000000000000";

/** 1,500 fields: past body-parser's 1,000-parameter limit, well under the size limit. */
function tooManyFields(): string {
  const form = new URLSearchParams();
  for (let i = 0; i < 1_500; i++) form.set(`field${i}`, "x");
  return form.toString();
}

/** Bytes that claim to be compressed and are not. */
const CORRUPT = Buffer.from("this is not a compressed stream at all");

describe("malformed request bodies are the client's error, never a 500", () => {
  const emu = useOAuthTestEmulator();
  const apiKey = () => ({ authorization: `Bearer ${emu.emulator.apiKey}` });

  async function send(method: string, path: string, headers: Record<string, string>, body: string | Buffer): Promise<{ status: number; body: string }> {
    const response = await fetch(`${emu.issuer}${path}`, { method, headers, body });
    return { status: response.status, body: await response.text() };
  }

  it("answers 413 to a form with more than 1,000 fields on the REST and admin APIs", async () => {
    const form = { "content-type": "application/x-www-form-urlencoded" };
    for (const [method, path, headers] of [
      ["POST", "/user_management/users", { ...form, ...apiKey() }],
      ["PUT", `/user_management/users/${ALICE}`, { ...form, ...apiKey() }],
      ["POST", "/_emulator/users", form],
    ] as const) {
      const answer = await send(method, path, headers, tooManyFields());
      expect(answer.status, path).toBe(413);
      expect(JSON.parse(answer.body), path).toMatchObject({ code: "payload_too_large" });
    }
  });

  it("answers 400 to a body whose gzip, deflate or brotli encoding is corrupt", async () => {
    for (const encoding of ["br", "gzip", "deflate"]) {
      const json = { "content-type": "application/json", "content-encoding": encoding };
      for (const [path, headers] of [
        ["/user_management/users", { ...json, ...apiKey() }],
        ["/_emulator/users", json],
      ] as const) {
        const answer = await send("POST", path, headers, CORRUPT);
        expect(answer.status, `${encoding} ${path}`).toBe(400);
        expect(JSON.parse(answer.body)).toMatchObject({ code: "bad_request" });
      }
      const login = await send("POST", "/login/password", { "content-type": "application/x-www-form-urlencoded", "content-encoding": encoding }, CORRUPT);
      expect(login.status, `${encoding} /login/password`).toBe(400);
      expect(login.body).toContain("The form could not be read.");
    }
    expect(emu.logs.filter((line) => line.includes("Unhandled error"))).toEqual([]);
  });

  it("names the registration endpoint's unreadable body invalid_client_metadata (RFC 7591 §3.2.2)", async () => {
    const answer = await send("POST", "/oauth2/register", { "content-type": "application/json", "content-encoding": "br" }, CORRUPT);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ error: "invalid_client_metadata" });
  });
});
