import { constants, createHmac, createPublicKey, generateKeyPairSync, KeyObject, randomBytes, sign, type webcrypto } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "@xmcp-dev/authkit-emulator";
import { baseConfig, RESOURCE, startApp, startupFetchSettled, type TestApp } from "./helpers/app.js";
import { signInThroughEmulator } from "./helpers/emulator-sign-in.js";
import { TestIssuer } from "./helpers/issuer.js";
import { rawRequest, utf8OnTheWire, type RawResponse } from "./helpers/raw-request.js";
import { recordingLogger } from "./helpers/recording-logger.js";

/**
 * Hostile tokens and headers against a real Express app with the provider mounted, each asserted
 * on the exact status, `WWW-Authenticate` and JSON body. Requests go through node:http rather
 * than fetch so that duplicate headers, non-ASCII bytes and oversized headers reach the server.
 */

const PRM = "http://127.0.0.1:3001/.well-known/oauth-protected-resource/mcp";

type Outcome = "missing" | "failed" | "expired" | "ok" | "too-large";

const answers = {
  missing: {
    status: 401,
    challenge: `Bearer resource_metadata="${PRM}"`,
    body: { error: "invalid_token", error_description: "Missing or invalid bearer token" },
  },
  failed: {
    status: 401,
    challenge: `Bearer error="invalid_token", error_description="Token verification failed", resource_metadata="${PRM}"`,
    body: { error: "invalid_token", error_description: "Token verification failed" },
  },
  expired: {
    status: 401,
    challenge: `Bearer error="invalid_token", error_description="Token has expired", resource_metadata="${PRM}"`,
    body: { error: "invalid_token", error_description: "Token has expired" },
  },
} as const;

// ---- signing material -------------------------------------------------------------------------

let issuer: TestIssuer;
let app: TestApp;
/** The private half of the key the issuer publishes as `key-1`. */
let published: KeyObject;
let publishedPublic: KeyObject;
const stranger = generateKeyPairSync("rsa", { modulusLength: 2048 });
const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
const ed = generateKeyPairSync("ed25519");

const now = () => Math.floor(Date.now() / 1000);
const segment = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

type Alg = "RS256" | "RS384" | "RS512" | "PS256" | "ES256" | "EdDSA" | "HS256" | "HS512";

function signature(alg: Alg, input: string, key: KeyObject | Buffer | string): Buffer {
  const data = Buffer.from(input);
  switch (alg) {
    case "RS256":
    case "RS384":
    case "RS512":
      return sign(`sha${alg.slice(2)}`, data, key as KeyObject);
    case "PS256":
      return sign("sha256", data, { key: key as KeyObject, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
    case "ES256":
      return sign("sha256", data, { key: key as KeyObject, dsaEncoding: "ieee-p1363" });
    case "EdDSA":
      return sign(null, data, key as KeyObject);
    case "HS256":
    case "HS512":
      return createHmac(`sha${alg.slice(2)}`, key as Buffer | string).update(input).digest();
  }
}

/** A compact JWS built by hand, so header, payload and algorithm can be anything. */
function jws(header: unknown, payload: unknown, alg: Alg, key: KeyObject | Buffer | string): string {
  const input = `${segment(header)}.${segment(payload)}`;
  return `${input}.${signature(alg, input, key).toString("base64url")}`;
}

/** AuthKit's claim layout for our resource; `over` replaces claims, `undefined` removes one. */
function claims(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    iss: issuer.url,
    sub: "user_01TEST",
    aud: RESOURCE,
    client_id: "client_01MCPHOST",
    sid: "session_01TEST",
    scope: "openid profile email",
    jti: "jti_01HOSTILE",
    iat: now(),
    exp: now() + 300,
    ...over,
  };
}

/** Signed with the published key (valid signature), header and claims adjustable. */
const signed = (over: Record<string, unknown> = {}, header: Record<string, unknown> = {}) =>
  jws({ alg: "RS256", kid: "key-1", typ: "JWT", ...header }, claims(over), "RS256", published);

const valid = () => issuer.token();
const parts = (token: string) => token.split(".") as [string, string, string];

/** The valid token with its signature segment rewritten; `rewrite` must change the spelling. */
async function withSignature(rewrite: (sig: string) => string | undefined): Promise<string> {
  for (;;) {
    const [h, p, s] = parts(await valid());
    const changed = rewrite(s);
    if (changed !== undefined && changed !== s) return `${h}.${p}.${changed}`;
  }
}
const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// ---- the table --------------------------------------------------------------------------------

interface HostileCase {
  name: string;
  outcome: Outcome;
  headers: () => Promise<[string, string][]>;
}

const header = (name: string, outcome: Outcome, value: () => string | Promise<string>): HostileCase => ({
  name,
  outcome,
  headers: async () => [["authorization", await value()]],
});
const bearer = (name: string, outcome: Outcome, token: () => string | Promise<string>): HostileCase =>
  header(name, outcome, async () => `Bearer ${await token()}`);
const several = (name: string, outcome: Outcome, values: () => Promise<string[]>): HostileCase => ({
  name,
  outcome,
  headers: async () => (await values()).map((v): [string, string] => ["authorization", v]),
});

const cases: HostileCase[] = [
  // Authorization header shape and scheme
  { name: "no Authorization header", outcome: "missing", headers: async () => [] },
  header("empty Authorization header", "missing", () => ""),
  header("Bearer with no token", "missing", () => "Bearer"),
  header("Bearer and a space, no token", "missing", () => "Bearer "),
  header("Bearer and only spaces", "missing", () => "Bearer      "),
  header("Bearer, a tab, the token", "missing", async () => `Bearer\t${await valid()}`),
  header("Basic credentials", "missing", () => "Basic dXNlcjpwYXNz"),
  header("Basic scheme carrying a valid JWT", "missing", async () => `Basic ${await valid()}`),
  header("Token scheme carrying a valid JWT", "missing", async () => `Token ${await valid()}`),
  header("MAC scheme carrying a valid JWT", "missing", async () => `MAC ${await valid()}`),
  header("MAC scheme with parameters", "missing", () => 'MAC id="h480djs93hd8", nonce="264095:dj83hs9s", mac="SLDJd4mg43cjQfElUs3Qub4L6xE="'),
  header("DPoP scheme carrying a valid JWT", "missing", async () => `DPoP ${await valid()}`),
  header("Negotiate scheme", "missing", () => "Negotiate YIIGhgYJKoZIhvcSAQICAQBuggZ1MIIGcaADAgEF"),
  header("a valid JWT with no scheme", "missing", valid),
  header("Bearer glued to the token", "missing", async () => `Bearer${await valid()}`),
  header("Bearer: with a colon", "missing", async () => `Bearer: ${await valid()}`),
  header("Bearer= with an equals sign", "missing", async () => `Bearer=${await valid()}`),
  header("Bearers (a longer scheme name)", "missing", async () => `Bearers ${await valid()}`),
  header("a second word after the token", "missing", async () => `Bearer ${await valid()} extra`),
  header("two credentials in one header", "missing", async () => `Bearer ${await valid()}, Bearer ${await valid()}`),
  header("the token in double quotes", "missing", async () => `Bearer "${await valid()}"`),
  header("a trailing semicolon", "missing", async () => `Bearer ${await valid()};`),
  header("a percent-encoded token", "missing", async () => `Bearer ${encodeURIComponent(`<${await valid()}>`)}`),
  header("lower-case scheme with a valid token", "ok", async () => `bearer ${await valid()}`),
  header("upper-case scheme with a valid token", "ok", async () => `BEARER ${await valid()}`),
  header("mixed-case scheme with a valid token", "ok", async () => `bEaReR ${await valid()}`),
  header("several spaces after the scheme", "ok", async () => `Bearer   ${await valid()}`),
  header("trailing spaces after the token", "ok", async () => `Bearer ${await valid()}   `),

  // Several Authorization headers: refused rather than guessing which one was meant
  several("two identical valid Authorization headers", "missing", async () => {
    const t = await valid();
    return [`Bearer ${t}`, `Bearer ${t}`];
  }),
  several("two different valid Authorization headers", "missing", async () => [`Bearer ${await valid()}`, `Bearer ${await valid()}`]),
  several("a valid Bearer header then a Basic one", "missing", async () => [`Bearer ${await valid()}`, "Basic dXNlcjpwYXNz"]),
  several("a Basic header then a valid Bearer one", "missing", async () => ["Basic dXNlcjpwYXNz", `Bearer ${await valid()}`]),
  several("a forged Bearer header then a valid one", "missing", async () => [`Bearer ${signed({}, { alg: "none" })}`, `Bearer ${await valid()}`]),
  several("an empty header then a valid one", "missing", async () => ["", `Bearer ${await valid()}`]),

  // Size: node refuses headers past its 16 KB limit with 431 before the app sees them
  header("a 100 KB Authorization header", "too-large", () => `Bearer ${"A".repeat(100 * 1024)}`),
  {
    name: "a valid token next to a 100 KB header of another name",
    outcome: "too-large",
    headers: async () => [
      ["authorization", `Bearer ${await valid()}`],
      ["x-padding", "A".repeat(100 * 1024)],
    ],
  },
  bearer("a ~15 KB validly signed token (large claim set)", "ok", () => issuer.token({ pad: "x".repeat(11_000) })),
  bearer("a ~15 KB token that is not a JWT", "failed", () => "A".repeat(15 * 1024)),

  // Non-ASCII
  header("latin-1 letters in the token", "missing", () => "Bearer tökén.pàylöad.sïg"),
  header("UTF-8 emoji appended to a valid token", "missing", async () => utf8OnTheWire(`Bearer ${await valid()}😀`)),
  header("a zero-width space inside a valid token", "missing", async () => {
    const t = await valid();
    return utf8OnTheWire(`Bearer ${t.slice(0, 20)}\u200b${t.slice(20)}`);
  }),
  header("full-width letters in the scheme", "missing", async () => utf8OnTheWire(`Ｂｅａｒｅｒ ${await valid()}`)),
  header("a no-break space after the scheme", "missing", async () => `Bearer\u00a0${await valid()}`),
  header("a right-to-left override in the token", "missing", async () => utf8OnTheWire(`Bearer \u202e${await valid()}`)),

  // alg: none and algorithm confusion
  bearer("alg none, empty signature", "failed", () => `${segment({ alg: "none", typ: "JWT" })}.${segment(claims())}.`),
  bearer("alg none, with a kid and a copied signature", "failed", async () => {
    const [, , sig] = parts(await valid());
    return `${segment({ alg: "none", kid: "key-1" })}.${segment(claims())}.${sig}`;
  }),
  bearer("alg NONE (upper case)", "failed", () => `${segment({ alg: "NONE" })}.${segment(claims())}.`),
  bearer("alg None, no signature segment at all", "failed", () => `${segment({ alg: "None" })}.${segment(claims())}`),
  bearer("no alg in the header", "failed", () => jws({ kid: "key-1", typ: "JWT" }, claims(), "RS256", published)),
  bearer("HS256 with the public key's SPKI PEM as secret", "failed", () =>
    jws({ alg: "HS256", kid: "key-1" }, claims(), "HS256", publishedPublic.export({ type: "spki", format: "pem" }) as string),
  ),
  bearer("HS256 with the public key's PKCS#1 PEM as secret", "failed", () =>
    jws({ alg: "HS256", kid: "key-1" }, claims(), "HS256", publishedPublic.export({ type: "pkcs1", format: "pem" }) as string),
  ),
  bearer("HS256 with the published JWK's JSON as secret", "failed", () =>
    jws({ alg: "HS256", kid: "key-1" }, claims(), "HS256", JSON.stringify(issuer.keys[0]!.publicJwk)),
  ),
  bearer("HS256 with the public key's DER bytes as secret", "failed", () =>
    jws({ alg: "HS256", kid: "key-1" }, claims(), "HS256", publishedPublic.export({ type: "spki", format: "der" })),
  ),
  bearer("HS256 with the RSA modulus bytes as secret", "failed", () =>
    jws({ alg: "HS256", kid: "key-1" }, claims(), "HS256", Buffer.from(issuer.keys[0]!.publicJwk.n!, "base64url")),
  ),
  bearer("HS512 with the public key's PEM as secret", "failed", () =>
    jws({ alg: "HS512", kid: "key-1" }, claims(), "HS512", publishedPublic.export({ type: "spki", format: "pem" }) as string),
  ),
  bearer("ES256, signed by an EC key, kid key-1", "failed", () => jws({ alg: "ES256", kid: "key-1" }, claims(), "ES256", ec.privateKey)),
  bearer("PS256, signed by the published RSA key itself", "failed", () => jws({ alg: "PS256", kid: "key-1" }, claims(), "PS256", published)),
  bearer("RS384, signed by the published RSA key itself", "failed", () => jws({ alg: "RS384", kid: "key-1" }, claims(), "RS384", published)),
  bearer("RS512, signed by the published RSA key itself", "failed", () => jws({ alg: "RS512", kid: "key-1" }, claims(), "RS512", published)),
  bearer("EdDSA, signed by an Ed25519 key", "failed", () => jws({ alg: "EdDSA", kid: "key-1" }, claims(), "EdDSA", ed.privateKey)),

  // Keys
  bearer("RS256 by an unknown key with an unknown kid", "failed", () => jws({ alg: "RS256", kid: "attacker" }, claims(), "RS256", stranger.privateKey)),
  bearer("RS256 by an unknown key claiming kid key-1", "failed", () => jws({ alg: "RS256", kid: "key-1" }, claims(), "RS256", stranger.privateKey)),
  bearer("RS256 by an unknown key with no kid", "failed", () => jws({ alg: "RS256" }, claims(), "RS256", stranger.privateKey)),
  bearer("RS256 by the published key but no kid", "failed", () => signed({}, { kid: undefined })),
  bearer("RS256 by the published key, kid unknown", "failed", () => signed({}, { kid: "key-404" })),
  bearer("RS256 by the published key, kid empty", "failed", () => signed({}, { kid: "" })),
  bearer("RS256 by the published key, kid a number", "failed", () => signed({}, { kid: 1 })),
  bearer("RS256 by the published key, kid an object", "failed", () => signed({}, { kid: { $ne: null } })),
  bearer("RS256 by the published key, kid a path", "failed", () => signed({}, { kid: "../../../etc/passwd" })),
  bearer("jku pointing at an attacker's key set", "failed", () =>
    jws({ alg: "RS256", kid: "attacker", jku: "http://127.0.0.1:9/jwks.json" }, claims(), "RS256", stranger.privateKey),
  ),
  bearer("the attacker's key embedded as jwk", "failed", () =>
    jws({ alg: "RS256", jwk: stranger.publicKey.export({ format: "jwk" }) }, claims(), "RS256", stranger.privateKey),
  ),
  bearer("the attacker's key embedded as jwk, kid key-1", "failed", () =>
    jws({ alg: "RS256", kid: "key-1", jwk: stranger.publicKey.export({ format: "jwk" }) }, claims(), "RS256", stranger.privateKey),
  ),
  bearer("an unknown critical header extension", "failed", () => signed({}, { crit: ["x-evil"], "x-evil": true })),
  bearer("an unencoded payload (b64: false)", "failed", () => signed({}, { b64: false, crit: ["b64"] })),

  // Claims under a valid signature
  bearer("wrong iss", "failed", () => signed({ iss: "https://evil.authkit.app" })),
  bearer("iss with a trailing slash", "failed", () => signed({ iss: `${issuer.url}/` })),
  bearer("missing iss", "failed", () => signed({ iss: undefined })),
  bearer("wrong aud", "failed", () => signed({ aud: "https://other.example/mcp" })),
  bearer("aud sharing only a prefix with the resource", "failed", () => signed({ aud: `${RESOURCE}-admin` })),
  bearer("missing aud", "failed", () => signed({ aud: undefined })),
  bearer("aud an empty array", "failed", () => signed({ aud: [] })),
  bearer("expired long ago", "expired", () => signed({ iat: now() - 3600, exp: now() - 1800 })),
  bearer("expired just past the 30 s tolerance", "expired", () => signed({ iat: now() - 600, exp: now() - 31 })),
  bearer("expired, within the 30 s tolerance", "ok", () => signed({ iat: now() - 600, exp: now() - 10 })),
  bearer("nbf beyond the tolerance", "failed", () => signed({ nbf: now() + 60 })),
  bearer("nbf within the tolerance", "ok", () => signed({ nbf: now() + 10 })),
  bearer("iat beyond the tolerance", "failed", () => signed({ iat: now() + 60 })),
  bearer("iat within the tolerance", "ok", () => signed({ iat: now() + 10 })),
  bearer("missing sub", "failed", () => signed({ sub: undefined })),
  bearer("sub empty", "failed", () => signed({ sub: "" })),
  bearer("sub a number", "failed", () => signed({ sub: 12345 })),
  bearer("sub an object", "failed", () => signed({ sub: { id: "user_01TEST" } })),
  bearer("missing exp", "failed", () => signed({ exp: undefined })),
  bearer("exp a string", "failed", () => signed({ exp: String(now() + 300) })),
  bearer("exp null", "failed", () => signed({ exp: null })),
  bearer("iat a string", "failed", () => signed({ iat: String(now()) })),
  bearer("nbf a string", "failed", () => signed({ nbf: String(now()) })),

  // Token type (RFC 8725 §3.11, RFC 9068 §2.1): other JWTs signed by the same key are not access tokens
  bearer("typ absent", "ok", () => signed({}, { typ: undefined })),
  bearer("typ jwt in lower case", "ok", () => signed({}, { typ: "jwt" })),
  bearer("typ at+jwt", "ok", () => signed({}, { typ: "at+jwt" })),
  bearer("typ AT+JWT in upper case", "ok", () => signed({}, { typ: "AT+JWT" })),
  bearer("typ application/at+jwt", "ok", () => signed({}, { typ: "application/at+jwt" })),
  bearer("typ Application/JWT", "ok", () => signed({}, { typ: "Application/JWT" })),
  bearer("an ID token (typ JWT with a nonce)", "failed", () => signed({ aud: "client_01ENV", nonce: "n-0S6_WzA2Mj" })),
  // An ID token need not carry a nonce (OIDC Core §3.1.2.1): its `at_hash`/`c_hash`/`s_hash` give it away.
  // AuthKit's documented ID token: no nonce (none was sent), no hashes, no jti.
  bearer("AuthKit's ID token as documented, without a nonce", "failed", () =>
    signed({ aud: "client_01ENV", name: "Ada", given_name: "Ada", family_name: "L", email: "ada@example.com", email_verified: true, client_id: undefined, sid: undefined, org_id: undefined, scope: undefined, jti: undefined })),
  bearer("an ID token without a nonce (typ JWT, at_hash)", "failed", () => signed({ aud: "client_01ENV", azp: "client_01ENV", auth_time: 1, at_hash: "x7r5bBzTn5cTQ1TmwZ5uJw" })),
  bearer("an ID token without a nonce (c_hash, hybrid flow)", "failed", () => signed({ aud: "client_01ENV", c_hash: "LDktKdoQak3Pk0cnXxCltA" })),
  bearer("an ID token without a nonce (s_hash)", "failed", () => signed({ aud: "client_01ENV", s_hash: "LDktKdoQak3Pk0cnXxCltA" })),
  bearer("an ID token with typ id_token+jwt", "failed", () => signed({ nonce: "n-0S6_WzA2Mj" }, { typ: "id_token+jwt" })),
  bearer("a logout token (typ logout+jwt)", "failed", () =>
    signed({ events: { "http://schemas.openid.net/event/backchannel-logout": {} } }, { typ: "logout+jwt" }),
  ),
  bearer("a security event token (typ secevent+jwt)", "failed", () =>
    signed({ events: { "https://schemas.openid.net/secevent/risc/event-type/account-disabled": {} } }, { typ: "secevent+jwt" }),
  ),
  bearer("typ logout+jwt without events", "failed", () => signed({}, { typ: "logout+jwt" })),
  bearer("typ application/secevent+jwt without events", "failed", () => signed({}, { typ: "application/secevent+jwt" })),
  bearer("typ dpop+jwt", "failed", () => signed({}, { typ: "dpop+jwt" })),
  bearer("typ JOSE", "failed", () => signed({}, { typ: "JOSE" })),
  bearer("typ empty", "failed", () => signed({}, { typ: "" })),
  bearer("typ a number", "failed", () => signed({}, { typ: 1 })),
  bearer("typ at+jwt with a trailing space", "failed", () => signed({}, { typ: "at+jwt " })),
  bearer("typ at+jwt carrying a nonce", "failed", () => signed({ nonce: "abc" }, { typ: "at+jwt" })),
  bearer("events claim under typ JWT", "failed", () => signed({ events: {} })),
  bearer("nonce claim set to null", "failed", () => signed({ nonce: null })),

  // Structure and encoding
  bearer("a JWE (five segments)", "failed", () =>
    [segment({ alg: "RSA-OAEP-256", enc: "A256GCM", kid: "key-1" }), randomBytes(256), randomBytes(12), randomBytes(64), randomBytes(16)]
      .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
      .join("."),
  ),
  bearer("two segments (signature dropped)", "failed", async () => parts(await valid()).slice(0, 2).join(".")),
  bearer("four segments (one appended)", "failed", async () => `${await valid()}.AAAA`),
  bearer("one segment", "failed", async () => parts(await valid())[1]),
  bearer("three empty segments", "failed", () => ".."),
  bearer("four empty segments", "failed", () => "..."),
  bearer("bad base64url in the header", "failed", async () => `eyJ~~~~.${parts(await valid())[1]}.${parts(await valid())[2]}`),
  bearer("bad base64url in the payload", "failed", async () => {
    const [h, p, s] = parts(await valid());
    return `${h}.${p.slice(0, 10)}~${p.slice(11)}.${s}`;
  }),
  bearer("standard base64 (+ and /) in the signature", "failed", () => withSignature((s) => (/[-_]/.test(s) ? s.replace(/-/g, "+").replace(/_/g, "/") : undefined))),
  bearer("a header that is not JSON, signed", "failed", () => jws("not json at all", claims(), "RS256", published)),
  bearer("a header that is a JSON array, signed", "failed", () => jws(["RS256", "key-1"], claims(), "RS256", published)),
  bearer("a payload that is not JSON, signed", "failed", () => jws({ alg: "RS256", kid: "key-1" }, "definitely { not json", "RS256", published)),
  bearer("a payload that is a JSON array, signed", "failed", () => jws({ alg: "RS256", kid: "key-1" }, [claims()], "RS256", published)),
  bearer("a payload that is JSON null, signed", "failed", () => jws({ alg: "RS256", kid: "key-1" }, "null", "RS256", published)),
  bearer("a payload that is a JSON string, signed", "failed", () => jws({ alg: "RS256", kid: "key-1" }, '"user_01TEST"', "RS256", published)),

  // Tampering with a valid token
  bearer("one signature character changed", "failed", () =>
    withSignature((s) => `${s.slice(0, 100)}${s[100] === "A" ? "B" : "A"}${s.slice(101)}`),
  ),
  bearer("the signature truncated by one character", "failed", () => withSignature((s) => s.slice(0, -1))),
  bearer("the signature cut in half", "failed", () => withSignature((s) => s.slice(0, s.length / 2))),
  bearer("the signature with base64 padding appended", "failed", () => withSignature((s) => `${s}==`)),
  bearer("the signature's unused trailing bits set", "failed", () =>
    withSignature((s) => {
      // 256 bytes → 342 characters; the last one carries 2 bits of data and 4 unused bits.
      const last = alphabet.indexOf(s.at(-1)!);
      return `${s.slice(0, -1)}${alphabet[last ^ 1]}`;
    }),
  ),
  bearer("the payload swapped for an admin's, signature kept", "failed", async () => {
    const [h, , s] = parts(await valid());
    return `${h}.${segment(claims({ sub: "user_01ADMIN", role: "admin" }))}.${s}`;
  }),
  bearer("header and payload of one token, signature of another", "failed", async () => {
    const [h, p] = parts(await valid());
    return `${h}.${p}.${parts(await issuer.token({ sub: "user_01OTHER" }))[2]}`;
  }),
];

// ---- running it -------------------------------------------------------------------------------

/** Everything the provider logged while the table ran, to check no credential reached a log line. */
const { logger: tableLogger, lines: logLines } = recordingLogger();
const credentialsSent: string[] = [];

beforeAll(async () => {
  issuer = await TestIssuer.start();
  published = KeyObject.from(issuer.keys[0]!.privateKey as webcrypto.CryptoKey);
  publishedPublic = createPublicKey({ key: issuer.keys[0]!.publicJwk as import("node:crypto").JsonWebKey, format: "jwk" });
  app = await startApp(baseConfig(issuer.url, { logger: tableLogger }));
});
afterAll(async () => {
  await app.stop();
  await issuer.stop();
});

/** Whatever was sent, a refusal never echoes a credential and never shows a stack trace. */
function expectNothingLeaked(res: RawResponse, sent: [string, string][]): void {
  expect(res.status).not.toBe(500);
  // A 200 is the test handler's own echo of the session and req.auth, token included.
  if (res.status === 200) return;
  const visible = `${res.body}\n${res.headers["www-authenticate"] ?? ""}`;
  expect(visible).not.toMatch(/\n\s+at |\.ts:\d+:\d+|\.js:\d+:\d+|node_modules/);
  for (const [, value] of sent) {
    for (const credential of value.split(/\s+/)) {
      if (credential.length >= 12) expect(visible).not.toContain(credential);
    }
  }
}

function expectOutcome(res: RawResponse, outcome: Outcome): void {
  if (outcome === "ok") {
    expect(res.status).toBe(200);
    expect(res.headers["www-authenticate"]).toBeUndefined();
    expect((JSON.parse(res.body) as { session: { userId: string } }).session.userId).toBe("user_01TEST");
    return;
  }
  if (outcome === "too-large") {
    // Node's HTTP parser answers before Express or the middleware run (default maxHeaderSize 16 KB).
    expect(res.status).toBe(431);
    expect(res.headers["www-authenticate"]).toBeUndefined();
    expect(res.body).toBe("");
    return;
  }
  const answer = answers[outcome];
  expect(res.status).toBe(answer.status);
  expect(res.headers["www-authenticate"]).toBe(answer.challenge);
  expect(res.headers["cache-control"]).toBe("no-store");
  expect(res.headers["content-type"]).toMatch(/^application\/json/);
  expect(JSON.parse(res.body)).toEqual(answer.body);
}

describe("hostile tokens and headers", () => {
  it("has at least 60 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, hostile) => {
    const sent = await hostile.headers();
    for (const [, value] of sent) credentialsSent.push(...value.split(/\s+/).filter((part) => part.length >= 12));
    const res = await rawRequest(`${app.url}/mcp`, sent);
    expectNothingLeaked(res, sent);
    expectOutcome(res, hostile.outcome);
  });

  it("logged every refusal as a coded rejection, with no token in any log line", () => {
    expect(logLines.filter((line) => line.level === "error" || line.level === "warn")).toEqual([]);
    expect(logLines.some((line) => line.message === "[WorkOS] Request rejected")).toBe(true);
    const logged = JSON.stringify(logLines);
    for (const credential of credentialsSent) expect(logged).not.toContain(credential);
  });
});

describe("with required scopes", () => {
  let scoped: TestApp;
  const scopeChallenge = (error?: string) =>
    error === undefined
      ? `Bearer scope="mcp:tools", resource_metadata="${PRM}"`
      : `Bearer error="${error}", error_description="${
          error === "insufficient_scope" ? "Insufficient scope: requires mcp:tools" : "Token verification failed"
        }", scope="mcp:tools", resource_metadata="${PRM}"`;
  beforeAll(async () => {
    scoped = await startApp(baseConfig(issuer.url, { requiredScopes: ["mcp:tools"] }));
  });
  afterAll(() => scoped.stop());

  it.each([
    ["no token", undefined, 401, scopeChallenge(), { error: "invalid_token", error_description: "Missing or invalid bearer token" }],
    ["a token without the scope", { scope: "openid" }, 403, scopeChallenge("insufficient_scope"), { error: "insufficient_scope", error_description: "Insufficient scope: requires mcp:tools" }],
    ["a scope that only starts with the required one", { scope: "mcp:toolsx" }, 403, scopeChallenge("insufficient_scope"), { error: "insufficient_scope", error_description: "Insufficient scope: requires mcp:tools" }],
    ["scope as a JSON array instead of a string", { scope: ["mcp:tools"] }, 403, scopeChallenge("insufficient_scope"), { error: "insufficient_scope", error_description: "Insufficient scope: requires mcp:tools" }],
    ["scope in an upper-case variant", { scope: "MCP:TOOLS" }, 403, scopeChallenge("insufficient_scope"), { error: "insufficient_scope", error_description: "Insufficient scope: requires mcp:tools" }],
    ["the scope, but alg none", "none", 401, scopeChallenge("invalid_token"), { error: "invalid_token", error_description: "Token verification failed" }],
  ] as const)("%s", async (_name, claimsOrNone, status, challenge, body) => {
    const sent: [string, string][] =
      claimsOrNone === undefined
        ? []
        : [["authorization", `Bearer ${claimsOrNone === "none" ? `${segment({ alg: "none" })}.${segment(claims({ scope: "mcp:tools" }))}.` : signed(claimsOrNone)}`]];
    const res = await rawRequest(`${scoped.url}/mcp`, sent);
    expectNothingLeaked(res, sent);
    expect(res.status).toBe(status);
    expect(res.headers["www-authenticate"]).toBe(challenge);
    expect(JSON.parse(res.body)).toEqual(body);
  });

  it("accepts the scope among others", async () => {
    const res = await rawRequest(`${scoped.url}/mcp`, [["authorization", `Bearer ${signed({ scope: "openid mcp:tools email" })}`]]);
    expect(res.status).toBe(200);
  });
});

describe("while the JWKS is unreachable from a cold start", () => {
  let down: TestIssuer;
  let coldApp: TestApp;
  beforeAll(async () => {
    down = await TestIssuer.start();
    down.jwksMode = "down";
    coldApp = await startApp(baseConfig(down.url, { cache: { jwks: { cooldownMs: 0 } } }));
  });
  afterAll(async () => {
    await coldApp.stop();
    await down.stop();
  });

  it("rejects what can be rejected without keys as 401, and answers 503 only for a token that needs them", async () => {
    const forged = [
      `${segment({ alg: "none" })}.${segment(claims({ iss: down.url }))}.`,
      jws({ alg: "ES256", kid: "key-1" }, claims({ iss: down.url }), "ES256", ec.privateKey),
      jws({ alg: "HS256", kid: "key-1" }, claims({ iss: down.url }), "HS256", "secret"),
      "a.b",
      (await down.token()).split(".").slice(0, 2).join("."),
    ];
    await startupFetchSettled(coldApp);
    const atStartup = down.jwksFetches; // the provider's own attempt, which failed
    for (const token of forged) {
      const sent: [string, string][] = [["authorization", `Bearer ${token}`]];
      const res = await rawRequest(`${coldApp.url}/mcp`, sent);
      expectNothingLeaked(res, sent);
      expectOutcome(res, "failed");
    }
    expect(down.jwksFetches).toBe(atStartup);

    const res = await rawRequest(`${coldApp.url}/mcp`, [["authorization", `Bearer ${await down.token()}`]]);
    expect(res.status).toBe(503);
    expect(res.headers["retry-after"]).toBe("10");
    expect(res.headers["www-authenticate"]).toBeUndefined();
    expect(JSON.parse(res.body)).toEqual({
      error: "temporarily_unavailable",
      error_description: "Token verification is temporarily unavailable; retry shortly",
    });
  });
});

describe("tokens from the real emulator", () => {
  let emulator: RunningEmulator;
  let emulatorApp: TestApp;
  let strictApp: TestApp;
  beforeAll(async () => {
    // AuthKit binds `aud` only to configured resource indicators: the other resources are
    // configured too, so their tokens really carry their own audience.
    const resources = [RESOURCE, "https://other.example/mcp", "http://127.0.0.1:3001/other-mcp"];
    emulator = await startEmulator({ port: 0, autoLogin: "alice@acme.test", resources, logger: { info() {}, warn() {}, error() {} } });
    const trustEmulator = { apiKey: emulator.apiKey, clientId: emulator.clientId, apiURL: emulator.url };
    emulatorApp = await startApp(baseConfig(emulator.url, trustEmulator));
    strictApp = await startApp(baseConfig(emulator.url, { ...trustEmulator, strictAudience: true }));
  });
  afterAll(async () => {
    await strictApp.stop();
    await emulatorApp.stop();
    await emulator.stop();
  });

  const send = async (target: TestApp, token: string) => {
    const sent: [string, string][] = [["authorization", `Bearer ${token}`]];
    const res = await rawRequest(`${target.url}/mcp`, sent);
    expectNothingLeaked(res, sent);
    return res;
  };

  it("rejects a token the emulator issued for another resource", async () => {
    const token = await signInThroughEmulator(emulator, "https://other.example/mcp");
    expectOutcome(await send(emulatorApp, token), "failed");
  });

  it("rejects a token for another resource on the same host", async () => {
    const token = await signInThroughEmulator(emulator, "http://127.0.0.1:3001/other-mcp");
    expectOutcome(await send(emulatorApp, token), "failed");
  });

  it("accepts the emulator's token for this resource (control)", async () => {
    const token = await signInThroughEmulator(emulator, RESOURCE);
    const res = await send(emulatorApp, token);
    expect(res.status).toBe(200);
    expect((JSON.parse(res.body) as { session: { userId: string } }).session.userId).toBe("user_01ALICE00000000000000000");
  });

  it("accepts a token without a resource (aud = environment client id) unless strictAudience", async () => {
    const token = await signInThroughEmulator(emulator);
    expect((await send(emulatorApp, token)).status).toBe(200);
    expectOutcome(await send(strictApp, token), "failed");
  });

  it("rejects the emulator's token for this resource at a server that trusts another issuer", async () => {
    const token = await signInThroughEmulator(emulator, RESOURCE);
    expectOutcome(await send(app, token), "failed");
  });
});
