import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "@modelcontextprotocol/client";
import { startEmulator, type RunningEmulator } from "@xmcp-dev/authkit-emulator";
import { auditEvents } from "../helpers/emulator-admin.js";
import { callTool, connectWithSignIn } from "../helpers/mcp-client.js";
import type { RunningTarget, Target } from "../helpers/target.js";

/**
 * The session a tool sees comes from request-scoped storage, not from anything shared between
 * requests. If that ever leaked (a module-level "current user", a context entered but not left, a
 * cache keyed on the wrong thing), it would show under concurrency: one user's tool call answered
 * with another user's identity. So: 100 users each sign in for real, then thousands of whoami calls
 * in a shuffled order, many in flight, and every answer must name its caller.
 */
const ACME = "org_01ACME000000000000000000";
const GLOBEX = "org_01GLOBEX0000000000000000";
const USERS = 100;
const SIGN_INS_AT_ONCE = 10;
const silent = { info() {}, warn() {}, error() {} };

interface SignedInUser {
  userId: string;
  email: string;
  organizationId: string;
  client: Client;
  close(): Promise<void>;
}

interface Account {
  userId: string;
  email: string;
  password?: string;
  /** Picked on the organization picker when the user belongs to several. */
  organization?: string;
  organizationId: string;
}

/** How hard to press: the Node server takes 10,000 calls, 50 in flight, well within a test's time. */
export interface IsolationLoad {
  calls: number;
  inFlight: number;
}

export function describeIsolationUnderLoad(target: Target, load: IsolationLoad): void {
  let emulator: RunningEmulator;
  let server: RunningTarget;
  const users: SignedInUser[] = [];

  beforeAll(async () => {
    const reserved = await target.reserve();
    emulator = await startEmulator({ port: 0, resources: [reserved.mcpURL], logger: silent });
    server = await reserved.start(emulator.url);

    const accounts: Account[] = [
      { userId: "user_01ALICE00000000000000000", email: "alice@acme.test", organization: "Acme", organizationId: ACME },
      { userId: "user_01BOB0000000000000000000", email: "bob@acme.test", organizationId: ACME },
      { userId: "user_01DANA000000000000000000", email: "dana@acme.test", organizationId: ACME },
      { userId: "user_01CAROL00000000000000000", email: "carol@globex.test", organizationId: GLOBEX },
    ];
    for (let i = accounts.length; i < USERS; i++) accounts.push(await createAccount(emulator.url, i));

    await inBatches(accounts, SIGN_INS_AT_ONCE, async (account) => {
      const { client, close } = await connectWithSignIn(server.mcpURL, {
        email: account.email,
        ...(account.password ? { password: account.password } : {}),
        ...(account.organization ? { organization: account.organization } : {}),
      });
      users.push({ userId: account.userId, email: account.email, organizationId: account.organizationId, client, close });
    });
  }, 120_000);

  afterAll(async () => {
    await Promise.all(users.map((user) => user.close()));
    await server?.stop();
    await emulator?.stop();
  });

  describe("isolation under load", () => {
    it("signs in 100 distinct users", () => {
      expect(users).toHaveLength(USERS);
      expect(new Set(users.map((user) => user.userId)).size).toBe(USERS);
    });

    it(`answers each of ${load.calls.toLocaleString("en")} interleaved whoami calls, ${load.inFlight} in flight, with the caller's own identity`, async () => {
      const order = shuffled(
        Array.from({ length: load.calls }, (_, i) => users[i % USERS]!),
        0x5eed,
      );
      const mismatches: string[] = [];
      const errors: string[] = [];
      let answered = 0;

      await inBatches(order, load.inFlight, async (caller) => {
        try {
          const result = await callTool(caller.client, "whoami");
          answered++;
          if (result.isError) return void errors.push(`${caller.email}: tool error ${result.text}`);
          const seen = JSON.parse(result.text) as { userId: string; email: string; organizationId: string };
          if (seen.userId !== caller.userId || seen.email !== caller.email || seen.organizationId !== caller.organizationId) {
            mismatches.push(`${caller.email} (${caller.userId}) was answered as ${seen.email} (${seen.userId}) in ${seen.organizationId}`);
          }
        } catch (error) {
          errors.push(`${caller.email}: ${error instanceof Error ? error.message : String(error)}`);
        }
      });

      expect(errors.slice(0, 5)).toEqual([]);
      expect(mismatches.slice(0, 5)).toEqual([]);
      expect({ answered, errors: errors.length, mismatches: mismatches.length }).toEqual({ answered: load.calls, errors: 0, mismatches: 0 });
    }, 120_000);

    it("never lets a request without a token reach a tool", async () => {
      const auditEventsBefore = (await auditEvents(emulator.url)).length;
      const res = await fetch(server.mcpURL, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
        body: JSON.stringify({
          jsonrpc: "2.0",
          id: 1,
          method: "tools/call",
          params: { name: "record-audit-event", arguments: { action: "report.exported", target: "no-token" } },
        }),
      });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer /);
      expect(await res.text()).not.toContain("Recorded");
      // The tool writes an audit event through the WorkOS API; none may have been written.
      expect(await auditEvents(emulator.url)).toHaveLength(auditEventsBefore);
    });
  });
}

/** A user made through the emulator's admin API, member of Acme or Globex (alternating). */
async function createAccount(emulatorURL: string, i: number): Promise<Account> {
  const email = `load-${String(i).padStart(3, "0")}@isolation.test`;
  const password = `password-${i}`;
  const created = await postAdmin(emulatorURL, "/_emulator/users", { email, password, first_name: "Load", last_name: `User ${i}` });
  const organizationId = i % 2 === 0 ? ACME : GLOBEX;
  await postAdmin(emulatorURL, "/_emulator/memberships", { user_id: created.id, organization_id: organizationId, role_slug: "member" });
  return { userId: created.id as string, email, password, organizationId };
}

async function postAdmin(emulatorURL: string, path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await fetch(`${emulatorURL}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function inBatches<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Fisher–Yates, seeded, so a failure can be replayed with the same interleaving. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
