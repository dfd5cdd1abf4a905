import * as oauth from "oauth4webapi";
import { beforeAll, describe, expect, it } from "vitest";
import { expectPage, LoginUserAgent, parseForms, type Page } from "./helpers/login-user-agent.js";
import { useOAuthTestEmulator } from "./helpers/oauth-app.js";
import { authorizationUrl, discover, registerClient } from "./helpers/oauth-client.js";

const REDIRECT_URI = "http://127.0.0.1:1234/cb";

describe("login forms the body parser rejects", () => {
  const emu = useOAuthTestEmulator();
  let signIn: Page;

  beforeAll(async () => {
    const as = await discover(emu.issuer);
    const client: oauth.Client = await registerClient(as, { redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "none" });
    signIn = expectPage(await new LoginUserAgent(emu.issuer).navigate((await authorizationUrl(as, client.client_id, REDIRECT_URI)).url));
  });

  async function postLoginForm(body: URLSearchParams): Promise<{ status: number; type: string | null; html: string }> {
    const form = parseForms(signIn.html).find((candidate) => candidate.action === "/login/password")!;
    for (const [name, value] of Object.entries(form.fields)) body.set(name, value);
    const response = await fetch(new URL("/login/password", emu.issuer), { method: "POST", body });
    return { status: response.status, type: response.headers.get("content-type"), html: await response.text() };
  }

  it("answers more than 1,000 fields with a 400 HTML page, not a JSON 500", async () => {
    const body = new URLSearchParams(Array.from({ length: 1_001 }, (_, i): [string, string] => [`f${i}`, "x"]));
    const result = await postLoginForm(body);
    expect(result.status).toBe(400);
    expect(result.type).toContain("text/html");
    expect(result.html).toContain("The form has too many fields.");
    expect(result.html).not.toMatch(/at \S+ \(|Error:/);
  });

  it("answers an oversized form with a 400 HTML page", async () => {
    const result = await postLoginForm(new URLSearchParams({ email: "bob@acme.test", password: "x".repeat(20_000) }));
    expect(result.status).toBe(400);
    expect(result.type).toContain("text/html");
    expect(result.html).toContain("The form is too large.");
  });
});
