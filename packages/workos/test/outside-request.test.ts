import { describe, expect, it } from "vitest";
import { getAccess, getClient, getSession, getUser, requireOrganization, workosProvider, WorkOSContextError } from "../src/index.js";

// Runs in its own module graph (vitest isolates files): no provider exists until the last test.
describe("outside a request", () => {
  it("getSession() throws a clear error instead of returning anyone's session", () => {
    expect(() => getSession()).toThrow(WorkOSContextError);
    expect(() => getSession()).toThrow(/No session: getSession\(\) works only while handling a request/);
  });

  it("getUser() and the access helpers throw the same error", async () => {
    expect(() => getUser()).toThrow(/No session/);
    expect(() => getAccess()).toThrow(/No session/);
    expect(() => requireOrganization()).toThrow(/No session/);
  });

  it("getClient() says the client is not initialized before workosProvider() runs", () => {
    expect(() => getClient()).toThrow("[WorkOS] Client not initialized");
  });

  it("getClient() returns the provider's client afterwards", () => {
    workosProvider({ apiKey: "sk_test_x", clientId: "client_x", baseURL: "https://mcp.example.com", authkitDomain: "acme.authkit.app", strictAudience: false });
    expect(getClient().userManagement).toBeDefined();
    expect(() => getSession()).toThrow(/No session/);
  });
});
