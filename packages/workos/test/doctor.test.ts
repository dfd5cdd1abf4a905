import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "@xmcp-dev/authkit-emulator";
import { exportJWK, generateKeyPair } from "jose";
import { formatReport } from "../src/doctor/format-report.js";
import { runDoctor, type DoctorInput, type DoctorReport } from "../src/doctor/index.js";
import { TestIssuer } from "./helpers/issuer.js";

const silent = { info() {}, warn() {}, error() {} };
const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../bin/xmcp-workos.js");

let emulator: RunningEmulator;
let input: DoctorInput;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, logger: silent });
  // No MCP server listens on port 9 (discard): the server checks are skipped, not failed.
  input = { apiKey: emulator.apiKey, clientId: emulator.clientId, authkitDomain: emulator.url, apiURL: emulator.url, baseURL: "http://127.0.0.1:9" };
});
afterAll(() => emulator?.stop());

const statusOf = (report: DoctorReport, id: string) => report.checks.find((check) => check.id === id)?.status;

/** Moves the emulator's clock, which its `Date` header follows, for one test. */
async function withEmulatorClockOffset<T>(seconds: number, fn: () => Promise<T>): Promise<T> {
  const original = emulator.context.now;
  emulator.context.now = () => Math.floor(Date.now() / 1000) + seconds;
  try {
    return await fn();
  } finally {
    emulator.context.now = original;
  }
}

describe("doctor against the emulator", () => {
  it("passes a correct setup: AuthKit, its switches, the key set, the API key, the client id, the clock", async () => {
    const report = await runDoctor(input);
    for (const id of ["options.apiKey", "options.clientId", "options.authkitDomain", "options.baseURL", "authkit.reachable", "authkit.metadata", "authkit.dcr", "authkit.cimd", "clock.skew", "authkit.jwks", "workos.apiKey", "workos.clientId"]) {
      expect([id, statusOf(report, id)]).toEqual([id, "pass"]);
    }
    expect(statusOf(report, "server.challenge")).toBe("skip");
    expect(report.ok).toBe(true);
  });

  it("fails an API key the WorkOS API rejects", async () => {
    const report = await runDoctor({ ...input, apiKey: "sk_test_from_another_environment" });
    expect(statusOf(report, "workos.apiKey")).toBe("fail");
    expect(report.ok).toBe(false);
  });

  it("fails a client id WorkOS does not know", async () => {
    const report = await runDoctor({ ...input, clientId: "client_01OTHERENVIRONMENT000000" });
    expect(statusOf(report, "workos.clientId")).toBe("fail");
    expect(report.ok).toBe(false);
  });

  it("fails an unreachable AuthKit domain and checks nothing that depends on it", async () => {
    const closed = await closedPort();
    const report = await runDoctor({ ...input, authkitDomain: `http://127.0.0.1:${closed}` }, { timeoutMs: 2_000 });
    expect(statusOf(report, "authkit.reachable")).toBe("fail");
    expect(statusOf(report, "authkit.jwks")).toBeUndefined();
    expect(report.ok).toBe(false);
  });

  it("fails a domain that answers but is not AuthKit", async () => {
    const other = await listen(createServer((_req, res) => res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not Found</h1>")));
    try {
      const report = await runDoctor({ ...input, authkitDomain: other.url });
      expect(statusOf(report, "authkit.reachable")).toBe("fail");
    } finally {
      await other.close();
    }
  });

  it("stops reading a host that streams without end, and says so", async () => {
    // A JSON document that never closes: 64 KiB chunks for as long as the client reads.
    let sent = 0;
    const endless = await listen(
      createServer((_req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.write('{"issuer":"');
        const chunk = "x".repeat(64 * 1024);
        const pump = () => {
          while (sent < 256 * 1024 * 1024 && !res.destroyed) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once("drain", pump);
          }
          res.end();
        };
        res.on("close", () => res.destroy());
        pump();
      }),
    );
    try {
      const report = await runDoctor({ ...input, authkitDomain: endless.url }, { timeoutMs: 10_000 });
      expect(report.checks.find((check) => check.id === "authkit.reachable")).toMatchObject({ status: "fail", summary: expect.stringContaining("more than 1 MiB") });
      expect(sent).toBeLessThan(64 * 1024 * 1024);
    } finally {
      await endless.close();
    }
  });

  it("fails an mcpPath holding an API key without printing it, and builds no resource URL from it", async () => {
    const report = await runDoctor({ ...input, mcpPath: "/sk_test_a1B2c3D4e5F6g7H8" });
    expect(report.checks.find((check) => check.id === "options.mcpPath")).toMatchObject({ status: "fail", summary: expect.stringContaining("sk_…") });
    expect(report.checks.map((check) => check.id)).not.toContain("workos.resourceIndicator");
    expect(formatReport(report)).not.toContain("a1B2c3D4e5F6g7H8");
    expect(statusOf(await runDoctor({ ...input, mcpPath: "/tools/mcp" }), "options.mcpPath")).toBe("pass");
  });

  it("fails an AuthKit document whose issuer is not the AuthKit domain (RFC 8414 §3.3)", async () => {
    // The emulator's issuer is its 127.0.0.1 origin; reached as localhost, the document names another issuer.
    const report = await runDoctor({ ...input, authkitDomain: emulator.url.replace("127.0.0.1", "localhost") });
    expect(statusOf(report, "authkit.reachable")).toBe("pass");
    expect(report.checks.find((check) => check.id === "authkit.metadata")).toMatchObject({ status: "fail", summary: expect.stringContaining("issuer") });
  });

  it("passes a reachable key set with RS256 keys and fails one that is down or holds none", async () => {
    const issuer = await TestIssuer.start();
    try {
      const check = async () => statusOf(await runDoctor({ ...input, authkitDomain: issuer.url }), "authkit.jwks");
      expect(await check()).toBe("pass");
      issuer.jwksMode = "down";
      expect(await check()).toBe("fail");
      issuer.jwksMode = "up";
      const { publicKey } = await generateKeyPair("ES256", { extractable: true });
      issuer.keys = [{ ...issuer.keys[0]!, publicJwk: { ...(await exportJWK(publicKey)), kid: "ec-1" } }];
      expect(await check()).toBe("fail");
    } finally {
      await issuer.stop();
    }
  });

  it("fails a client id of another environment than the AuthKit domain (their keys differ)", async () => {
    // A second emulator is another environment: the same seeded client id, its own signing keys.
    const other = await startEmulator({ port: 0, logger: silent });
    try {
      const report = await runDoctor({ ...input, authkitDomain: other.url });
      expect(report.checks.find((check) => check.id === "workos.clientId")).toMatchObject({ status: "fail", summary: expect.stringContaining("different environments") });
    } finally {
      await other.stop();
    }
  });

  it.each([
    ["clientId", (key: string) => ({ clientId: key }), "options.clientId"],
    ["authkitDomain", (key: string) => ({ authkitDomain: key }), "options.authkitDomain"],
    ["authkitDomain as a URL", (key: string) => ({ authkitDomain: `https://${key}` }), "options.authkitDomain"],
    ["baseURL", (key: string) => ({ baseURL: `https://${key}.example` }), "options.baseURL"],
    ["apiURL", (key: string) => ({ apiURL: `https://${key}.example` }), "options.apiURL"],
  ])("fails the API key pasted into %s without printing it or sending anything to it", async (_name, misplaced, id) => {
    const key = emulator.apiKey;
    const requested: string[] = [];
    const report = await runDoctor({ ...input, ...misplaced(key) }, { fetch: (url, init) => (requested.push(String(url)), fetch(url, init)) });
    expect(statusOf(report, id)).toBe("fail");
    expect(report.checks.find((check) => check.id === id)!.summary).toContain("sk_…");
    expect(JSON.stringify(report)).not.toContain(key);
    expect(formatReport(report)).not.toContain(key);
    expect(requested.filter((url) => url.toLowerCase().includes(key.toLowerCase()))).toEqual([]);
  });

  it("accepts the AuthKit domain typed as an origin with a trailing slash and says so", async () => {
    const report = await runDoctor({ ...input, authkitDomain: `${emulator.url}/` });
    const line = report.checks.find((check) => check.id === "options.authkitDomain")!;
    expect(line.status).toBe("pass");
    expect(line.summary).toContain(`written as "${emulator.url}/"`);
    expect(statusOf(report, "authkit.reachable")).toBe("pass");
  });

  it.each([
    ["apiKey", { apiKey: "pk_test_publishable" }],
    ["apiKey", { apiKey: undefined }],
    ["clientId", { clientId: "01EMULATOR" }],
    ["authkitDomain", { authkitDomain: "https://acme.authkit.app/oauth2" }],
    ["authkitDomain", { authkitDomain: "http://acme.authkit.app" }],
    ["baseURL", { baseURL: "http://mcp.example.com" }],
    ["baseURL", { baseURL: "https://mcp.example.com/mcp" }],
    ["apiURL", { apiURL: "api.workos.com" }],
  ] as const)("fails a malformed %s (%j)", async (option, change) => {
    const report = await runDoctor({ ...input, ...change });
    expect(statusOf(report, `options.${option}`)).toBe("fail");
    expect(report.ok).toBe(false);
  });

  it("never sends the API key over plain http to another machine: an http apiURL off this machine fails and is not called", async () => {
    const requested: { url: string; authorization: string | null }[] = [];
    const report = await runDoctor(
      { ...input, apiURL: "http://api.workos.test" },
      {
        fetch: (url, init) => {
          requested.push({ url: String(url), authorization: new Headers(init?.headers).get("authorization") });
          return fetch(url, init);
        },
      },
    );
    expect(report.checks.find((check) => check.id === "options.apiURL")).toMatchObject({ status: "fail", summary: expect.stringContaining("not https") });
    expect(statusOf(report, "workos.apiKey")).toBe("skip");
    expect(statusOf(report, "workos.clientId")).toBe("skip");
    expect(requested.filter((r) => r.url.startsWith("http://api.workos.test"))).toEqual([]);
    expect(requested.some((r) => r.authorization?.includes(emulator.apiKey))).toBe(false);
    expect(report.ok).toBe(false);
  });

  it.each([
    [120, "fail"],
    [-120, "fail"],
    [12, "warn"],
    [-12, "warn"],
  ] as const)("measures a clock %i s off against AuthKit's Date header: %s", async (offset, expected) => {
    const report = await withEmulatorClockOffset(offset, () => runDoctor(input));
    const line = report.checks.find((check) => check.id === "clock.skew")!;
    expect(line.status).toBe(expected);
    expect(line.summary).toContain(offset > 0 ? "behind" : "ahead of");
  });

  it.each([
    [{ dynamicClientRegistration: false }, { "authkit.dcr": "warn", "authkit.cimd": "pass" }, true],
    [{ clientIdMetadataDocument: false }, { "authkit.dcr": "pass", "authkit.cimd": "warn" }, true],
    [{ dynamicClientRegistration: false, clientIdMetadataDocument: false }, { "authkit.dcr": "fail", "authkit.cimd": "fail" }, false],
  ] as const)("reads the Dashboard switches from AuthKit's metadata: %j", async (switches, expected, ok) => {
    const switched = await startEmulator({ port: 0, logger: silent, ...switches });
    try {
      const report = await runDoctor({ ...input, authkitDomain: switched.url, apiURL: switched.url });
      expect({ "authkit.dcr": statusOf(report, "authkit.dcr"), "authkit.cimd": statusOf(report, "authkit.cimd") }).toEqual(expected);
      expect(report.ok).toBe(ok);
      const off = report.checks.filter((check) => check.id.startsWith("authkit.") && check.status !== "pass");
      for (const check of off) expect(check.fix).toContain("WorkOS Dashboard → Connect → Configuration");
    } finally {
      await switched.stop();
    }
  });

  it("tells whether this server's resource is an MCP resource indicator of the environment", async () => {
    // The default seed configures the example's resource, http://127.0.0.1:3001/mcp.
    const configured = await runDoctor({ ...input, baseURL: "http://127.0.0.1:3001" });
    expect(statusOf(configured, "workos.resourceIndicator")).toBe("pass");

    const unconfigured = await runDoctor(input);
    const line = unconfigured.checks.find((check) => check.id === "workos.resourceIndicator")!;
    expect(line.status).toBe("warn");
    expect(line.summary).toContain("aud = the client id");
    const strict = await runDoctor({ ...input, strictAudience: true });
    expect(strict.checks.find((check) => check.id === "workos.resourceIndicator")!.summary).toContain("every token is refused");
  });

  it("sees a resource indicator added through the WorkOS API", async () => {
    const uri = "http://127.0.0.1:9/mcp";
    const created = await fetch(`${emulator.url}/user_management/authkit_oauth_resources`, {
      method: "POST",
      headers: { authorization: `Bearer ${emulator.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ uri }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    try {
      expect(statusOf(await runDoctor(input), "workos.resourceIndicator")).toBe("pass");
    } finally {
      await fetch(`${emulator.url}/user_management/authkit_oauth_resources/${id}`, { method: "DELETE", headers: { authorization: `Bearer ${emulator.apiKey}` } });
    }
  });

  it("prints JSON, exits 1 on a failure and 0 without, and never prints the API key", async () => {
    const env = { WORKOS_CLIENT_ID: emulator.clientId, WORKOS_AUTHKIT_DOMAIN: emulator.url, WORKOS_API_URL: emulator.url, BASE_URL: "http://127.0.0.1:9" };
    const good = await runCli(["doctor", "--json"], { ...env, WORKOS_API_KEY: emulator.apiKey });
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ ok: true });
    expect(good.stdout + good.stderr).not.toContain(emulator.apiKey);

    const secret = "sk_test_a_secret_that_must_never_be_printed";
    const bad = await runCli(["doctor"], { ...env, WORKOS_API_KEY: secret });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/✗ the WorkOS API rejects the API key/);
    expect(bad.stdout + bad.stderr).not.toContain(secret);
  });

  it("refuses the API key as a flag and unknown arguments with exit status 2", async () => {
    expect((await runCli(["doctor", "--api-key", "sk_test_x"], {})).code).toBe(2);
    expect((await runCli(["doctor", "--bogus"], {})).code).toBe(2);
  });
});

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // An empty working directory: no .env of this repository leaks into the run.
    const child = spawn(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH ?? "", ...env }, cwd: "/", stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

async function listen(server: Server): Promise<{ url: string; close(): Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function closedPort(): Promise<number> {
  const server = await listen(createServer());
  const port = Number(new URL(server.url).port);
  await server.close();
  return port;
}
