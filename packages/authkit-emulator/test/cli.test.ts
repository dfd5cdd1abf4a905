import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { once } from "node:events";
import { request } from "node:http";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(packageDir, "dist", "cli.js");

beforeAll(() => {
  const build = spawnSync(process.execPath, [join(packageDir, "..", "..", "node_modules", "tsup", "dist", "cli-default.js")], {
    cwd: packageDir,
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`tsup failed:\n${build.stdout}\n${build.stderr}`);
}, 120_000);

function run(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [cli, ...args], { cwd: packageDir });
}

/** Collect stdout until `done` matches, or fail after a timeout. */
async function readUntil(child: ChildProcessWithoutNullStreams, done: RegExp): Promise<string> {
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 15_000;
  while (!done.test(output)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`CLI output so far:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return output;
}

describe("authkit-emulator CLI", () => {
  it("prints the banner with URL, dev credentials and sign-in accounts, serves, and stops on SIGTERM", async () => {
    const child = run(["--port", "0"]);
    const banner = await readUntil(child, /Sign-in accounts:[\s\S]*={20,}/);
    expect(banner).toContain("DEVELOPMENT ONLY");
    expect(banner).toContain("sk_test_emulator_development_only_key");
    expect(banner).toContain("client_01EMULATOR00000000000000");
    expect(banner).toMatch(/alice@acme\.test\s+password: dev-password\s+Acme Corp \(admin\), Globex \(member\)/);
    const url = /URL \/ issuer:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1];
    expect(url).toBeDefined();

    const res = await fetch(`${url}/organizations`, {
      headers: { authorization: "Bearer sk_test_emulator_development_only_key" },
    });
    expect(res.status).toBe(200);

    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });

  it("exits 1 with a clear message when the port is taken", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const child = run(["--port", String(port)]);
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const [code] = await once(child, "exit");
      expect(code).toBe(1);
      expect(stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });

  it("--no-dcr, --no-cimd, --resource and --jwt-template set the environment; bad values exit 1", async () => {
    const child = run(["--port", "0", "--no-dcr", "--no-cimd", "--resource", "http://127.0.0.1:9/mcp", "--resource", "https://mcp.example.test/mcp", "--jwt-template", "role,permissions"]);
    try {
      const banner = await readUntil(child, /Resources:.*\n/);
      expect(banner).toContain("dynamic client registration off, client ID metadata documents off");
      const url = /URL \/ issuer:\s+(\S+)/.exec(banner)![1]!;
      const metadata = (await (await fetch(`${url}/.well-known/oauth-authorization-server`)).json()) as Record<string, unknown>;
      expect(metadata).not.toHaveProperty("registration_endpoint");
      expect(metadata).not.toHaveProperty("client_id_metadata_document_supported");
      const apiKey = /API key:\s+(\S+)/.exec(banner)![1]!;
      const resources = (await (await fetch(`${url}/user_management/authkit_oauth_resources?order=asc`, { headers: { authorization: `Bearer ${apiKey}` } })).json()) as { data: { uri: string }[] };
      expect(resources.data.map((record) => record.uri).sort()).toEqual(["http://127.0.0.1:9/mcp", "https://mcp.example.test/mcp"]);
    } finally {
      child.kill("SIGTERM");
      await once(child, "exit");
    }
    for (const [args, message] of [
      [["--resource", "/mcp"], "resources: /mcp is not an absolute URI without a fragment"],
      [["--jwt-template", "role,groups"], "jwtTemplate: unknown claim groups"],
    ] as const) {
      const bad = spawnSync(process.execPath, [cli, "--port", "0", ...args], { encoding: "utf8" });
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain(message);
    }
  });

  it("--allowed-host is repeatable; other Host names are refused; a non-loopback --host is warned about", async () => {
    const child = run(["--port", "0", "--allowed-host", "tunnel.example.test", "--allowed-host", "pinned.example.test:8443"]);
    try {
      const banner = await readUntil(child, /Sign-in accounts:[\s\S]*={20,}/);
      const url = /URL \/ issuer:\s+(\S+)/.exec(banner)![1]!;
      const status = (host: string) =>
        new Promise<number>((resolve, reject) => {
          const req = request(`${url}/oauth2/jwks`, { headers: { host } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          });
          req.on("error", reject);
          req.end();
        });
      expect(await status("tunnel.example.test")).toBe(200);
      expect(await status("pinned.example.test:8443")).toBe(200);
      expect(await status("rebind.attacker.example")).toBe(421);
    } finally {
      child.kill("SIGTERM");
      await once(child, "exit");
    }
    const wildcard = run(["--port", "0", "--host", "0.0.0.0"]);
    let stderr = "";
    wildcard.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      await readUntil(wildcard, /Sign-in accounts:/);
      // stderr is a separate pipe: its line may arrive just after the banner.
      for (let waited = 0; !stderr.includes("NOT LOOPBACK") && waited < 5_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(stderr).toContain("NOT LOOPBACK");
    } finally {
      wildcard.kill("SIGTERM");
      await once(wildcard, "exit");
    }
  });

  it("--help prints usage; an unknown flag exits 2", async () => {
    const help = spawnSync(process.execPath, [cli, "--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--access-token-ttl");
    const bad = spawnSync(process.execPath, [cli, "--prot", "1"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--prot");
  });
});
