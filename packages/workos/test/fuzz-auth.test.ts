import { KeyObject, sign, type webcrypto } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readBearerToken } from "../src/verify/bearer-header.js";
import { baseConfig, RESOURCE, startApp, type TestApp } from "./helpers/app.js";
import { TestIssuer } from "./helpers/issuer.js";
import { rawRequest, type RawResponse } from "./helpers/raw-request.js";

/**
 * Property-based fuzzing of the bearer header parser and of the whole middleware over HTTP:
 * whatever arrives, the answer is never a 500 and never an acceptance of anything but a token
 * the issuer really signed with claims that are really valid.
 */

const b64tokenChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/";
const b64tokenPattern = /^[A-Za-z0-9\-._~+/]+=*$/;
const b64token = fc.tuple(
  fc.string({ unit: fc.constantFrom(...b64tokenChars), minLength: 1, maxLength: 300 }),
  fc.string({ unit: fc.constant("="), maxLength: 3 }),
).map(([body, padding]) => body + padding);
/** A spelling of "Bearer" in any letter case. */
const bearerScheme = fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }).map((upper) =>
  [..."bearer"].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(""),
);
/** Characters node's HTTP client lets through in a header value (RFC 9110 field-vchar, SP, HTAB, obs-text). */
const headerChar = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }),
  fc.integer({ min: 0x80, max: 0xff }),
  fc.constant(0x09),
).map((code) => String.fromCharCode(code));

describe("readBearerToken", () => {
  it("never throws, and returns only a b64token that ends the header", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 400 }), fc.string({ unit: headerChar, maxLength: 400 })), (header) => {
        const token = readBearerToken(header);
        if (token === undefined) return;
        expect(token).toMatch(b64tokenPattern);
        expect(header.trimEnd().endsWith(token)).toBe(true);
        expect(header.slice(0, 6).toLowerCase()).toBe("bearer");
      }),
      { numRuns: 2_000 },
    );
  });

  it("reads back any b64token after any spelling of Bearer and any number of spaces", () => {
    fc.assert(
      fc.property(bearerScheme, fc.integer({ min: 1, max: 4 }), b64token, fc.integer({ min: 0, max: 3 }), (scheme, spaces, token, trailing) => {
        expect(readBearerToken(`${scheme}${" ".repeat(spaces)}${token}${" ".repeat(trailing)}`)).toBe(token);
      }),
      { numRuns: 1_000 },
    );
  });

  it("refuses any other scheme, and a token with a character outside b64token", () => {
    const otherScheme = fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-"), minLength: 1, maxLength: 12 })
      .filter((s) => s.toLowerCase() !== "bearer");
    fc.assert(
      fc.property(otherScheme, b64token, (scheme, token) => {
        expect(readBearerToken(`${scheme} ${token}`)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
    const foreign = fc.string({ unit: "binary", minLength: 1, maxLength: 3 }).filter((s) => /[^A-Za-z0-9\-._~+/= ]/.test(s.trim()) && s.trim() !== "");
    fc.assert(
      fc.property(b64token, fc.nat(), foreign, (token, at, inserted) => {
        const i = at % (token.length + 1);
        const header = `Bearer ${token.slice(0, i)}${inserted.trim()}${token.slice(i)}`;
        expect(readBearerToken(header)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it("takes exactly one header value: no header or several are refused", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(b64token.map((t) => `Bearer ${t}`), fc.string()), { maxLength: 5 }), (values) => {
        const expected = values.length === 1 ? readBearerToken(values[0]!) : undefined;
        expect(readBearerToken(values)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("rejects oversized and pathological headers in linear time", () => {
    const hostile = [
      `Bearer ${"a".repeat(100 * 1024)}`,
      `Bearer ${"a".repeat(16_384)}${"=".repeat(100_000)}!`,
      `Bearer ${"a".repeat(16_000)}${" ".repeat(100_000)}x`,
      `Bearer ${" ".repeat(100_000)}`,
      `${"Bearer ".repeat(20_000)}`,
    ];
    for (const header of hostile) {
      const started = performance.now();
      expect(readBearerToken(header)).toBeUndefined();
      expect(performance.now() - started).toBeLessThan(50);
    }
    expect(readBearerToken(`Bearer ${"a".repeat(16_384)}`)).toHaveLength(16_384);
    // The bound is on the token's characters; its `=` padding does not count.
    expect(readBearerToken(`Bearer ${"a".repeat(16_384)}==`)).toHaveLength(16_386);
    expect(readBearerToken(`Bearer ${"a".repeat(16_385)}`)).toBeUndefined();
  });
});

describe("the middleware over HTTP", () => {
  let issuer: TestIssuer;
  let app: TestApp;
  let published: KeyObject;
  let validTokens: string[];

  beforeAll(async () => {
    issuer = await TestIssuer.start();
    published = KeyObject.from(issuer.keys[0]!.privateKey as webcrypto.CryptoKey);
    app = await startApp(baseConfig(issuer.url));
    validTokens = await Promise.all([issuer.token(), issuer.token({ sub: "user_01OTHER" }), issuer.token({ scope: "" })]);
  });
  afterAll(async () => {
    await app.stop();
    await issuer.stop();
  });

  const send = (headers: [string, string][]) => rawRequest(`${app.url}/mcp`, headers);

  /** A refusal: the right family of status, a JSON OAuth error, nothing leaked. */
  function expectRefusal(res: RawResponse, sent: string): void {
    expect([401, 403, 503]).toContain(res.status);
    const body = JSON.parse(res.body) as { error: string; error_description: string };
    expect(["invalid_token", "insufficient_scope", "temporarily_unavailable"]).toContain(body.error);
    expect(res.body).not.toMatch(/\n\s+at |\.[jt]s:\d+:\d+/);
    const credential = sent.trim().split(/\s+/).at(-1) ?? "";
    if (credential.length >= 12) expect(`${res.body}${res.headers["www-authenticate"] ?? ""}`).not.toContain(credential);
  }

  it("answers arbitrary Authorization headers (one or several) with a refusal, never a 500", async () => {
    const value = fc.oneof(
      fc.string({ unit: headerChar, maxLength: 200 }),
      fc.tuple(bearerScheme, fc.string({ unit: headerChar, maxLength: 200 })).map(([s, rest]) => `${s} ${rest}`),
      fc.tuple(bearerScheme, b64token).map(([s, t]) => `${s} ${t}`),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(value, { minLength: 1, maxLength: 3 }), async (values) => {
        const res = await send(values.map((v): [string, string] => ["authorization", v]));
        expectRefusal(res, values.join(" "));
      }),
      { numRuns: 250 },
    );
  });

  it("accepts a valid token only unmutated: flipped, truncated, extended or spliced tokens are refused", async () => {
    const mutationChar = fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~+/=");
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant("flip" as const), segment: fc.integer({ min: 0, max: 2 }), at: fc.nat(), char: mutationChar }),
      fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
      fc.record({
        kind: fc.constant("append" as const),
        text: fc.oneof(fc.constantFrom("=", "==", ".", "~"), fc.string({ unit: mutationChar, minLength: 1, maxLength: 8 })),
      }),
      fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
      fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), char: mutationChar }),
      fc.record({ kind: fc.constant("splice" as const), from: fc.integer({ min: 0, max: 2 }), segment: fc.integer({ min: 0, max: 2 }) }),
      fc.record({ kind: fc.constant("respell" as const), bits: fc.integer({ min: 0, max: 15 }), padding: fc.boolean() }),
      fc.constant({ kind: "none" as const }),
    );
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: validTokens.length - 1 }), mutation, async (which, m) => {
        const original = validTokens[which]!;
        const mutated = mutate(original, m, validTokens);
        seen.add(m.kind);
        const res = await send([["authorization", `Bearer ${mutated}`]]);
        expect(res.status).not.toBe(500);
        if (mutated === original) expect(res.status).toBe(200);
        else expectRefusal(res, mutated);
      }),
      { numRuns: 400 },
    );
    expect(seen.size).toBe(8);
  });

  it("accepts a signed claim set exactly when every claim is valid", async () => {
    // Times are offsets from the moment each request is made, kept clear of the ±30 s tolerance
    // edges so the oracle never races the clock.
    const time = fc
      .oneof(fc.integer({ min: -100_000, max: -33 }), fc.integer({ min: -27, max: 27 }), fc.integer({ min: 33, max: 100_000 }))
      .map((offset) => new Offset(offset));
    const junk = fc.jsonValue({ maxDepth: 2 });
    /** Absent twenty-nine times in thirty: claims that only other kinds of JWT carry. */
    const rarely = (value: fc.Arbitrary<unknown>) => fc.oneof({ weight: 29, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: value });
    /** Mostly a good value, sometimes a plausible bad one, sometimes any JSON, sometimes absent. */
    const claim = (good: fc.Arbitrary<unknown>, bad: fc.Arbitrary<unknown>) =>
      fc.option(fc.oneof({ weight: 8, arbitrary: good }, { weight: 1, arbitrary: bad }, { weight: 1, arbitrary: junk }), { nil: undefined, freq: 12 });
    const claimSet = fc.record({
      iss: claim(fc.constant(issuer.url), fc.constantFrom(`${issuer.url}/`, "https://evil.authkit.app", issuer.url.toUpperCase(), "")),
      sub: claim(fc.constantFrom("user_01TEST", "user_01OTHER"), fc.oneof(fc.constant(""), fc.string({ maxLength: 20 }))),
      // Good nine times in ten, so the accepted side of the oracle keeps its share of the runs.
      jti: fc.oneof(
        { weight: 18, arbitrary: fc.constantFrom<unknown>("jti_01A", "jti_01B") },
        { weight: 1, arbitrary: fc.constantFrom<unknown>("", 1, null) },
        { weight: 1, arbitrary: fc.constant(undefined) },
      ),
      aud: claim(
        fc.constantFrom<unknown>(RESOURCE, `${RESOURCE}/`, "client_01ENV", ["https://x.example", RESOURCE]),
        fc.constantFrom<unknown>("https://other.example/mcp", `${RESOURCE}x`, [], ["https://other.example"], "CLIENT_01ENV"),
      ),
      exp: claim(time, fc.constantFrom<unknown>(`${Math.floor(Date.now() / 1000) + 300}`, null, true)),
      nbf: claim(time, fc.constantFrom<unknown>("0", null)),
      iat: claim(time, fc.constantFrom<unknown>("0", null)),
      nonce: rarely(junk),
      events: rarely(junk),
    });
    const typ = fc.oneof(
      { weight: 19, arbitrary: fc.constantFrom<unknown>(undefined, "JWT", "jwt", "at+jwt", "AT+JWT", "application/at+jwt") },
      { weight: 1, arbitrary: fc.constantFrom<unknown>("logout+jwt", "secevent+jwt", "JOSE", "", 1) },
    );

    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(claimSet, typ, async (generated, typ) => {
        const now = Math.floor(Date.now() / 1000);
        // What goes on the wire, as the server will parse it (undefined dropped, -0 → 0).
        const claims = JSON.parse(JSON.stringify(generated, (_k, v: unknown) => (v instanceof Offset ? now + v.seconds : v))) as Record<string, unknown>;
        const header = Buffer.from(JSON.stringify({ alg: "RS256", kid: "key-1", typ })).toString("base64url");
        const input = `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
        const token = `${input}.${sign("sha256", Buffer.from(input), published).toString("base64url")}`;

        const res = await send([["authorization", `Bearer ${token}`]]);
        if (shouldAccept(claims, typ, issuer.url, now)) {
          accepted++;
          expect(res.status).toBe(200);
          expect((JSON.parse(res.body) as { session: { userId: string } }).session.userId).toBe(claims.sub);
        } else {
          refused++;
          expectRefusal(res, token);
          expect(res.status).toBe(401);
        }
      }),
      // About one claim set in twenty is valid: 1,000 runs keep the accepted side well above the floor below.
      { numRuns: 1_000 },
    );
    // Both sides of the oracle were exercised.
    expect(accepted).toBeGreaterThan(15);
    expect(refused).toBeGreaterThan(15);
  });
});

class Offset {
  constructor(readonly seconds: number) {}
}

type Mutation =
  | { kind: "flip"; segment: number; at: number; char: string }
  | { kind: "truncate"; at: number }
  | { kind: "append"; text: string }
  | { kind: "delete"; at: number }
  | { kind: "insert"; at: number; char: string }
  | { kind: "splice"; from: number; segment: number }
  | { kind: "respell"; bits: number; padding: boolean }
  | { kind: "none" };

function mutate(token: string, m: Mutation, others: string[]): string {
  switch (m.kind) {
    case "flip": {
      const parts = token.split(".");
      const part = parts[m.segment]!;
      const i = m.at % part.length;
      parts[m.segment] = part.slice(0, i) + m.char + part.slice(i + 1);
      return parts.join(".");
    }
    case "truncate":
      return token.slice(0, m.at % token.length);
    case "append":
      return token + m.text;
    case "delete": {
      const i = m.at % token.length;
      return token.slice(0, i) + token.slice(i + 1);
    }
    case "insert": {
      const i = m.at % (token.length + 1);
      return token.slice(0, i) + m.char + token.slice(i);
    }
    case "splice": {
      // One segment taken from another valid token of the same issuer.
      const parts = token.split(".");
      parts[m.segment] = others[m.from]!.split(".")[m.segment]!;
      return parts.join(".");
    }
    case "respell": {
      // The same signature bytes spelled differently: a 2048-bit signature is 342 characters
      // whose last one carries 2 bits of data and 4 unused bits, which lenient decoders ignore,
      // as they ignore "==" padding.
      const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
      const last = alphabet.indexOf(token.at(-1)!);
      return `${token.slice(0, -1)}${alphabet[last ^ m.bits]}${m.padding ? "==" : ""}`;
    }
    case "none":
      return token;
  }
}

/** The reference model: what the issue says a valid AuthKit access token is for this app. */
function shouldAccept(claims: Record<string, unknown>, typ: unknown, issuer: string, now: number): boolean {
  const tolerance = 30;
  const audiences = [RESOURCE, `${RESOURCE}/`, "client_01ENV"];
  const aud = claims.aud;
  const audOk = typeof aud === "string" ? audiences.includes(aud) : Array.isArray(aud) && aud.some((a) => audiences.includes(a as string));
  const { exp, nbf, iat, sub, jti } = claims;
  return (
    (typ === undefined || (typeof typ === "string" && ["jwt", "at+jwt", "application/at+jwt"].includes(typ.toLowerCase()))) &&
    !("nonce" in claims) &&
    !("events" in claims) &&
    claims.iss === issuer &&
    typeof sub === "string" &&
    sub !== "" &&
    typeof jti === "string" &&
    jti !== "" &&
    audOk &&
    typeof exp === "number" &&
    exp > now - tolerance &&
    (nbf === undefined || (typeof nbf === "number" && nbf <= now + tolerance)) &&
    (iat === undefined || (typeof iat === "number" && iat <= now + tolerance))
  );
}
