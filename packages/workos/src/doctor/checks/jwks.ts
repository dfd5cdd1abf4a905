import { importJWK, type JWK } from "jose";
import { fetchJson, isObject } from "../fetch-json.js";
import { fail, pass } from "../pass-fail.js";
import type { DoctorCheck, DoctorRuntime } from "../types.js";

/**
 * The key set the plugin verifies tokens with: reachable, and holding at least one RSA signing key
 * jose imports for RS256 (the only algorithm AuthKit signs access tokens with). Returns the key
 * ids for the environment check.
 */
export async function checkJwks(runtime: DoctorRuntime, jwksUri: string): Promise<{ check: DoctorCheck; kids: string[] }> {
  const id = "authkit.jwks";
  const fetched = await fetchJson(runtime, jwksUri);
  if ("error" in fetched) return { check: fail(id, fetched.error, "Check that this machine can reach AuthKit; tokens cannot be verified without its keys."), kids: [] };
  const keys = isObject(fetched.body) && Array.isArray(fetched.body.keys) ? (fetched.body.keys as unknown[]) : undefined;
  if (fetched.status !== 200 || !keys) {
    return { check: fail(id, `${jwksUri} answered HTTP ${fetched.status} without a key set`, "The AuthKit domain is wrong: copy it from WorkOS Dashboard → Domains."), kids: [] };
  }
  const usable = (await Promise.all(keys.map(usableKid))).filter((kid): kid is string => kid !== undefined);
  if (usable.length === 0) {
    return { check: fail(id, `${jwksUri} has ${keys.length} key(s), none usable for RS256 signatures`, "The AuthKit domain does not point at AuthKit: copy it from WorkOS Dashboard → Domains."), kids: [] };
  }
  return { check: pass(id, `key set reachable with ${usable.length} RS256 signing key(s)`), kids: usable };
}

async function usableKid(key: unknown): Promise<string | undefined> {
  if (!isObject(key) || key.kty !== "RSA" || typeof key.kid !== "string") return undefined;
  if (key.use !== undefined && key.use !== "sig") return undefined;
  if (key.alg !== undefined && key.alg !== "RS256") return undefined;
  try {
    await importJWK(key as JWK, "RS256");
    return key.kid;
  } catch {
    return undefined;
  }
}
