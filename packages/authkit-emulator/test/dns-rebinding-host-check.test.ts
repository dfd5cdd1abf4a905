import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";
import { useOAuthTestEmulator } from "./helpers/oauth-app.js";

/** A GET with an explicit Host header, as a browser sends after DNS rebinding (fetch() cannot set Host). */
function getWithHost(url: string, host: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { ...headers, host } }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("Host check against DNS rebinding", () => {
  const emu = useOAuthTestEmulator({ allowedHosts: ["tunnel.example.test", "pinned.example.test:8443"] });

  it("refuses a page that rebound its own name to the emulator's address", async () => {
    const { port } = emu.emulator;
    const origin = `http://rebind.attacker.example:${port}`;
    for (const path of ["/_emulator/outbox", "/.well-known/oauth-authorization-server", "/oauth2/jwks"]) {
      const answer = await getWithHost(`${emu.issuer}${path}`, `rebind.attacker.example:${port}`, { origin, "sec-fetch-site": "same-origin" });
      expect(answer.status).toBe(421);
      expect(JSON.parse(answer.body)).toMatchObject({ code: "misdirected_request" });
    }
    expect((await getWithHost(`${emu.issuer}/oauth2/jwks`, `127.0.0.1:${port + 1}`)).status).toBe(421);
    expect((await getWithHost(`${emu.issuer}/oauth2/jwks`, "pinned.example.test:9999")).status).toBe(421);
  });

  it("answers its own host and the loopback names on its port, and the allowed hosts", async () => {
    const { port } = emu.emulator;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LocalHost:${port}`, `[::1]:${port}`, "tunnel.example.test", "tunnel.example.test:443", "pinned.example.test:8443"]) {
      expect((await getWithHost(`${emu.issuer}/oauth2/jwks`, host)).status, host).toBe(200);
    }
  });

  it("rejects unusable allowedHosts entries at start-up", async () => {
    for (const allowedHosts of [["https://tunnel.example.test/"], [""], ["a b"], [42 as unknown as string]]) {
      await expect(startEmulator({ port: 0, allowedHosts })).rejects.toMatchObject({ code: "ERR_EMULATOR_OPTION_INVALID", message: expect.stringContaining("allowedHosts") });
    }
  });
});

describe("binding a non-loopback address", () => {
  it("warns loudly that other machines can reach the emulator", async () => {
    const warnings: string[] = [];
    const emulator = await startEmulator({ port: 0, host: "0.0.0.0", logger: { info() {}, warn: (m) => warnings.push(m), error() {} } });
    await emulator.stop();
    expect(warnings.some((line) => line.includes("NOT LOOPBACK") && line.includes("0.0.0.0"))).toBe(true);
  });

  it("stays quiet on loopback", async () => {
    const warnings: string[] = [];
    const emulator = await startEmulator({ port: 0, host: "127.0.0.1", logger: { info() {}, warn: (m) => warnings.push(m), error() {} } });
    await emulator.stop();
    expect(warnings).toEqual([]);
  });
});
