import { describe, expect, it } from "vitest";
import { useOAuthTestEmulator } from "./helpers/oauth-app.js";
import { postForm } from "./helpers/oauth-client.js";

/** A client name that tries to start a fake log line and to clear the developer's terminal. */
const FORGED_NAME = "Innocent App\n[authkit-emulator] Magic code for alice@acme.test: 123456\u001b[2J\u001b]0;pwned\u0007\u202e";

describe("log forging", () => {
  const emu = useOAuthTestEmulator();

  it("escapes control characters in what requests make the emulator log", async () => {
    const registered = await fetch(`${emu.issuer}/oauth2/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ client_name: FORGED_NAME, redirect_uris: ["http://127.0.0.1:1234/cb"], token_endpoint_auth_method: "none" }),
    });
    expect(registered.status).toBe(201);
    // A URL client id with a CR-LF (the URL parser drops it) reaches the CIMD warning too.
    await postForm(`${emu.issuer}/oauth2/token`, { grant_type: "authorization_code", code: "x", client_id: "http://127.0.0.1:9/\r\nforged.json", redirect_uri: "http://127.0.0.1:1234/cb", code_verifier: "a".repeat(43) });

    const logged = emu.logs.join("\u0000");
    expect(logged).toContain("Innocent App\\n[authkit-emulator] Magic code for alice@acme.test: 123456\\u001b[2J\\u001b]0;pwned\\u0007\\u202e");
    expect(logged).toContain("\\r\\nforged.json");
    for (const line of emu.logs) expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
  });
});
