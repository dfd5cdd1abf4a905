import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizationHeaders } from "../src/http/raw-headers.js";
import { rawRequest } from "./helpers/raw-request.js";

/**
 * `authorizationHeaders` reads what the Express and Fastify adapters hand the guard. Checked
 * against Node's own `headersDistinct` on requests a real `node:http` server parsed, so the two
 * cannot drift apart on case, order or repetition.
 */
describe("authorizationHeaders", () => {
  let url: string;
  let received: Promise<IncomingMessage>;
  let deliver: (req: IncomingMessage) => void;
  const server = createServer((req, res) => {
    deliver(req);
    res.end();
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Sends `headers` (name/value pairs, repeats kept) and returns the request the server parsed. */
  async function parsed(headers: [string, string][]): Promise<IncomingMessage> {
    received = new Promise((resolve) => (deliver = resolve));
    await rawRequest(url, headers);
    return received;
  }

  const cases: [string, [string, string][], string | string[] | undefined][] = [
    ["no Authorization header", [["Accept", "application/json"]], undefined],
    ["one, as browsers and SDKs spell it", [["Authorization", "Bearer abc"]], "Bearer abc"],
    ["one, in any case", [["aUtHoRiZaTiOn", "Bearer abc"]], "Bearer abc"],
    ["two, in the order sent", [["Authorization", "Bearer a"], ["X-Other", "1"], ["authorization", "Basic b"]], ["Bearer a", "Basic b"]],
    ["three", [["Authorization", "a"], ["Authorization", "b"], ["Authorization", "c"]], ["a", "b", "c"]],
    ["an empty one", [["Authorization", ""]], ""],
    ["names that only look alike", [["Authorizations", "x"], ["X-Authorization", "y"], ["Proxy-Authorization", "z"]], undefined],
  ];

  for (const [name, headers, expected] of cases) {
    it(`${name}: ${JSON.stringify(expected)}, as headersDistinct says`, async () => {
      const req = await parsed(headers);
      const distinct = req.headersDistinct.authorization;
      expect(authorizationHeaders(req.rawHeaders)).toEqual(expected);
      expect(distinct === undefined ? undefined : distinct.length === 1 ? distinct[0] : distinct).toEqual(expected);
    });
  }
});
