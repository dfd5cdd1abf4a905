import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "@xmcp-dev/authkit-emulator";
import { runDoctor, type DoctorInput, type DoctorReport } from "@xmcp-dev/workos/doctor";
import { startExampleServer, type ExampleServer } from "./helpers/example-server.js";

const silent = { info() {}, warn() {}, error() {} };

let emulator: RunningEmulator;
let server: ExampleServer;
let input: DoctorInput;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, logger: silent });
  server = await startExampleServer(emulator.url);
  input = { apiKey: emulator.apiKey, clientId: emulator.clientId, authkitDomain: emulator.url, apiURL: emulator.url, baseURL: server.url };
});
afterAll(async () => {
  await server?.stop();
  await emulator?.stop();
});

const line = (report: DoctorReport, id: string) => report.checks.find((check) => check.id === id);

describe("doctor against the running example server", () => {
  it("finds the 401 challenge and a protected-resource document naming this resource and this AuthKit", async () => {
    const report = await runDoctor(input);
    expect(line(report, "server.challenge")?.status).toBe("pass");
    expect(line(report, "server.metadata")).toMatchObject({ status: "pass", summary: expect.stringContaining(`${server.url}/mcp`) });
    expect(report.checks.filter((check) => check.status === "fail")).toEqual([]);
  });

  it("fails a baseURL that is not the origin the server calls itself", async () => {
    // Same server, reached through another name: clients would compute a metadata URL the server does not advertise.
    const report = await runDoctor({ ...input, baseURL: server.url.replace("127.0.0.1", "localhost") });
    expect(line(report, "server.metadataURL")?.status).toBe("fail");
    expect(report.ok).toBe(false);
  });

  it("fails a server that names another AuthKit", async () => {
    const other = await startEmulator({ port: 0, logger: silent });
    try {
      const report = await runDoctor({ ...input, authkitDomain: other.url, apiURL: other.url });
      expect(line(report, "server.metadata")).toMatchObject({ status: "fail", summary: expect.stringContaining("authorization server") });
    } finally {
      await other.stop();
    }
  });

  it("fails an mcpPath the server does not protect", async () => {
    const report = await runDoctor({ ...input, mcpPath: "/api/mcp" });
    expect(line(report, "server.challenge")?.status).toBe("fail");
  });
});
