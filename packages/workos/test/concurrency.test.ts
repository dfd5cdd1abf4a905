import { afterAll, beforeAll, expect, it } from "vitest";
import { setTimeout as sleep } from "node:timers/promises";
import { getSession } from "../src/index.js";
import { baseConfig, startApp, type TestApp } from "./helpers/app.js";
import { TestIssuer } from "./helpers/issuer.js";

let issuer: TestIssuer;
let app: TestApp;

beforeAll(async () => {
  issuer = await TestIssuer.start();
  // The handler awaits a random delay before and after reading the session, so requests overlap
  // and any leak between async contexts would show up as another user's id.
  app = await startApp(baseConfig(issuer.url), async (_req, res) => {
    await sleep(Math.random() * 5);
    const first = getSession().userId;
    await sleep(Math.random() * 5);
    res.json({ first, second: getSession().userId });
  });
});
afterAll(async () => {
  await app.stop();
  await issuer.stop();
});

it("gives each of 1000 interleaved requests from 50 users only its own session", async () => {
  const users = Array.from({ length: 50 }, (_, i) => `user_${String(i).padStart(3, "0")}`);
  const tokens = await Promise.all(users.map((sub) => issuer.token({ sub })));
  const requests = Array.from({ length: 1000 }, (_, i) => i % users.length);
  // Shuffle so consecutive requests rarely come from the same user.
  for (let i = requests.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [requests[i], requests[j]] = [requests[j]!, requests[i]!];
  }

  const mismatches: string[] = [];
  for (let offset = 0; offset < requests.length; offset += 100) {
    await Promise.all(
      requests.slice(offset, offset + 100).map(async (u) => {
        const res = await fetch(`${app.url}/mcp`, { method: "POST", headers: { authorization: `Bearer ${tokens[u]}` } });
        const body = (await res.json()) as { first: string; second: string };
        if (body.first !== users[u] || body.second !== users[u]) mismatches.push(`${users[u]} saw ${body.first}/${body.second}`);
      }),
    );
  }
  expect(mismatches).toEqual([]);
  expect(() => getSession()).toThrow(/No session/);
});
