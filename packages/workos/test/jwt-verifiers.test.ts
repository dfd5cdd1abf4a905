import { exportJWK, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkOSAuthError } from "../src/errors.js";
import { createJwksKeySource } from "../src/verify/jwks-key-source.js";
import { webCryptoJwtVerifier, type JwtVerifier } from "../src/verify/jwt-verifier.js";
import { nodeJwtVerifier } from "../src/verify/node-jwt-verifier.js";
import { verifyAccessToken } from "../src/verify/verify-access-token.js";
import { RESOURCE } from "./helpers/app.js";
import { createSigningKey, TestIssuer, type SigningKey } from "./helpers/issuer.js";

/**
 * The two verifiers hold one contract: every token below gets the same answer from jose's
 * `jwtVerify` (WebCrypto, the web entry point) and from the Node verifier (jose's header
 * parsing, key import and claim checks around `crypto.verify`).
 */
let issuer: TestIssuer;
let weakKey: SigningKey;
let foreignKey: SigningKey;
let unpinnedKey: SigningKey;

beforeAll(async () => {
  issuer = await TestIssuer.start();
  // jose will not generate a key this small; WebCrypto will.
  const weak = (await crypto.subtle.generateKey(
    { name: "RSASSA-PKCS1-v1_5", modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" },
    true,
    ["sign", "verify"],
  )) as CryptoKeyPair;
  weakKey = { kid: "weak", privateKey: weak.privateKey, publicJwk: { ...(await exportJWK(weak.publicKey)), kid: "weak", alg: "RS256", use: "sig" } };
  issuer.keys.push(weakKey);
  foreignKey = await createSigningKey("key-1"); // same kid as the published key, another key pair
  // A published key without `alg` (RFC 7517 §4.4 makes it optional): the key set then matches it
  // for any RSA algorithm a token names, so only the verifier's own algorithm checks stand.
  const unpinned = await createSigningKey("no-alg");
  const { alg: _alg, ...publicJwk } = unpinned.publicJwk;
  issuer.keys.push({ ...unpinned, publicJwk });
  unpinnedKey = unpinned;
});
afterAll(() => issuer.stop());

const b64url = (value: string | Uint8Array) => Buffer.from(value).toString("base64url");
const now = () => Math.floor(Date.now() / 1000);
const claims = (extra: Record<string, unknown> = {}) => ({ iss: issuer.url, sub: "user_01TEST", aud: RESOURCE, jti: "jti_01TEST", iat: now(), exp: now() + 300, ...extra });

/** A compact JWS with exactly this header and payload text, RS256-signed by `key`. */
async function signRaw(header: Record<string, unknown>, payload: string, key: SigningKey = issuer.keys[0]!): Promise<string> {
  const input = `${b64url(JSON.stringify(header))}.${b64url(payload)}`;
  const signature = await crypto.subtle.sign("RSASSA-PKCS1-v1_5", key.privateKey, new TextEncoder().encode(input));
  return `${input}.${b64url(new Uint8Array(signature))}`;
}

const header = { alg: "RS256", kid: "key-1" };

const cases: [string, () => Promise<string>, "ok" | "token_expired" | "invalid_token"][] = [
  ["a valid token", () => issuer.token({ aud: RESOURCE }), "ok"],
  ["typ at+jwt", () => signRaw({ ...header, typ: "at+jwt" }, JSON.stringify(claims())), "ok"],
  ["an expired token", () => issuer.token({ aud: RESOURCE, exp: now() - 3600 }), "token_expired"],
  ["nbf in the future", () => issuer.token({ aud: RESOURCE, nbf: now() + 3600 }), "invalid_token"],
  ["another issuer", () => issuer.token({ aud: RESOURCE, iss: "https://evil.example" }), "invalid_token"],
  ["another audience", () => issuer.token({ aud: "https://other.example/mcp" }), "invalid_token"],
  ["no sub", () => issuer.token({ aud: RESOURCE, sub: undefined }), "invalid_token"],
  ["no exp", () => issuer.token({ aud: RESOURCE, exp: undefined }), "invalid_token"],
  ["a tampered payload", async () => {
    const [h, , s] = (await issuer.token({ aud: RESOURCE })).split(".");
    return `${h}.${b64url(JSON.stringify(claims({ sub: "user_01ADMIN" })))}.${s}`;
  }, "invalid_token"],
  ["another key under the published kid", () => issuer.token({ aud: RESOURCE }, { key: foreignKey }), "invalid_token"],
  ["an unknown kid", () => signRaw({ ...header, kid: "nope" }, JSON.stringify(claims())), "invalid_token"],
  ["a 1024-bit key", () => signRaw({ ...header, kid: "weak" }, JSON.stringify(claims()), weakKey), "invalid_token"],
  ["alg none", async () => `${b64url(JSON.stringify({ alg: "none", kid: "key-1" }))}.${b64url(JSON.stringify(claims()))}.`, "invalid_token"],
  ["HS256 keyed with the public key", async () => {
    const secret = new TextEncoder().encode(JSON.stringify(issuer.keys[0]!.publicJwk));
    return new SignJWT(claims()).setProtectedHeader({ alg: "HS256", kid: "key-1" }).sign(secret);
  }, "invalid_token"],
  ["RS256 bytes labelled RS512", () => signRaw({ ...header, alg: "RS512" }, JSON.stringify(claims())), "invalid_token"],
  ["a key published without alg", () => signRaw({ ...header, kid: "no-alg" }, JSON.stringify(claims()), unpinnedKey), "ok"],
  ["RS256 bytes labelled RS384, key published without alg", () => signRaw({ alg: "RS384", kid: "no-alg" }, JSON.stringify(claims()), unpinnedKey), "invalid_token"],
  ["RS256 bytes labelled PS256, key published without alg", () => signRaw({ alg: "PS256", kid: "no-alg" }, JSON.stringify(claims()), unpinnedKey), "invalid_token"],
  ["crit naming b64 with an unencoded payload", () => signRaw({ ...header, crit: ["b64"], b64: false }, JSON.stringify(claims())), "invalid_token"],
  ["crit naming an unknown extension", () => signRaw({ ...header, crit: ["exp"], exp: 1 }, JSON.stringify(claims())), "invalid_token"],
  ["a header that is not an object", async () => (await signRaw(header, JSON.stringify(claims()))).replace(/^[^.]+/, b64url("[1]")), "invalid_token"],
  ["a payload that is not JSON", () => signRaw(header, "not json"), "invalid_token"],
  ["a payload that is a JSON array", () => signRaw(header, "[1,2]"), "invalid_token"],
  ["two segments", async () => (await issuer.token({ aud: RESOURCE })).split(".").slice(0, 2).join("."), "invalid_token"],
  ["four segments", async () => `${await issuer.token({ aud: RESOURCE })}.AAAA`, "invalid_token"],
  ["an ID token (nonce)", () => issuer.token({ aud: RESOURCE, nonce: "n-0S6_WzA2Mj" }), "invalid_token"],
  ["typ JWT of a logout token", () => signRaw({ ...header, typ: "logout+jwt" }, JSON.stringify(claims())), "invalid_token"],
];

describe.each([
  ["WebCrypto (jose jwtVerify)", webCryptoJwtVerifier],
  ["Node (crypto.verify)", nodeJwtVerifier],
] as [string, JwtVerifier][])("%s verifier", (_name, verifier) => {
  const keys = () => createJwksKeySource(new URL(`${issuer.url}/oauth2/jwks`), { cacheMaxAgeMs: 60_000, cooldownMs: 30_000, timeoutMs: 5_000, maxStaleMs: 60_000 });
  const verify = (token: string) => {
    const source = keys();
    return verifyAccessToken(token, { issuer: issuer.url, audiences: [RESOURCE], clockToleranceSeconds: 30, getKey: async (header, jws) => (await source.resolveKey(header, jws)).key, verifier });
  };

  it.each(cases)("%s", async (_case, mint, expected) => {
    const token = await mint();
    if (expected === "ok") {
      await expect(verify(token)).resolves.toMatchObject({ sub: "user_01TEST", iss: issuer.url });
    } else {
      const error = await verify(token).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(WorkOSAuthError);
      expect((error as WorkOSAuthError).code).toBe(expected);
    }
  });
});
