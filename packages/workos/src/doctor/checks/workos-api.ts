import { fetchJson, isObject } from "../fetch-json.js";
import { fail, pass, skip, warn } from "../pass-fail.js";
import type { DoctorCheck, DoctorRuntime } from "../types.js";

/** The WorkOS REST API as the plugin's `getUser()`/`getClient()` reach it. */
export interface ApiTarget {
  apiURL: string;
  apiKey: string;
}

/** The key accepted by the WorkOS API: one harmless read that any environment answers. */
export async function checkApiKeyAccepted(runtime: DoctorRuntime, api: ApiTarget): Promise<DoctorCheck> {
  const id = "workos.apiKey";
  const fetched = await fetchJson(runtime, `${api.apiURL}/user_management/users?limit=1`, { headers: { authorization: `Bearer ${api.apiKey}` } });
  if ("error" in fetched) return fail(id, `WorkOS API ${fetched.error}`, "Check that this machine can reach the WorkOS API (WORKOS_API_URL when not api.workos.com).");
  if (fetched.status === 200) return pass(id, "the WorkOS API accepts the API key");
  if (fetched.status === 401) {
    return fail(id, "the WorkOS API rejects the API key (401)", "Copy a current key of this environment from WorkOS Dashboard → API Keys; a key of another environment (staging vs production) is refused too.");
  }
  if (fetched.status === 403) return fail(id, "the API key may not read users (403)", "Use the environment's secret key, or grant the key User Management access in WorkOS Dashboard → API Keys.");
  return warn(id, `the WorkOS API answered HTTP ${fetched.status}`, "Retry in a minute; if it persists, check the WorkOS status page.");
}

/**
 * The client id belongs to the AuthKit domain's environment: WorkOS publishes a key set per
 * client id (`/sso/jwks/{clientId}`, 404 for an unknown one); the environment's AuthKit signs with
 * the same keys, so no shared key id means the two settings come from different environments.
 */
export async function checkClientEnvironment(runtime: DoctorRuntime, apiURL: string, clientId: string, authkitKids: string[]): Promise<DoctorCheck> {
  const id = "workos.clientId";
  const fetched = await fetchJson(runtime, `${apiURL}/sso/jwks/${encodeURIComponent(clientId)}`);
  if ("error" in fetched) return skip(id, `WorkOS API ${fetched.error}; client id not checked`, "Check that this machine can reach the WorkOS API.");
  if (fetched.status === 404) {
    return fail(id, `WorkOS does not know the client id ${clientId}`, "Copy the Client ID of the same environment as the API key from WorkOS Dashboard → API Keys.");
  }
  const keys = isObject(fetched.body) && Array.isArray(fetched.body.keys) ? (fetched.body.keys as unknown[]) : undefined;
  if (fetched.status !== 200 || !keys) return skip(id, `WorkOS answered HTTP ${fetched.status} for the client's key set; client id not checked`, "Retry later.");
  if (authkitKids.length === 0) return pass(id, `WorkOS knows the client id ${clientId}`);
  const clientKids = new Set(keys.map((key) => (isObject(key) ? key.kid : undefined)));
  return authkitKids.some((kid) => clientKids.has(kid))
    ? pass(id, `client id ${clientId} belongs to the AuthKit domain's environment`)
    : fail(id, `client id ${clientId} and the AuthKit domain sign with different keys: they come from different environments`, "Take the client id, API key and AuthKit domain from one environment (WorkOS Dashboard: staging and production each have their own).");
}

/**
 * Whether this server's resource is one of the environment's MCP resource indicators, i.e.
 * whether AuthKit will put it in `aud` (else `aud` is the client id, valid at every server of
 * the environment).
 */
export async function checkResourceIndicator(runtime: DoctorRuntime, api: ApiTarget, resource: string, strictAudience: boolean | undefined): Promise<DoctorCheck> {
  const id = "workos.resourceIndicator";
  const fetched = await fetchJson(runtime, `${api.apiURL}/user_management/authkit_oauth_resources?limit=100`, { headers: { authorization: `Bearer ${api.apiKey}` } });
  if ("error" in fetched) return skip(id, `WorkOS API ${fetched.error}; resource indicators not checked`, "Check that this machine can reach the WorkOS API.");
  const list = isObject(fetched.body) && Array.isArray(fetched.body.data) ? (fetched.body.data as unknown[]) : undefined;
  if (fetched.status !== 200 || !list) {
    return skip(id, `WorkOS answered HTTP ${fetched.status} listing MCP resource indicators; audience binding not checked`, "Check the API key, then run the doctor again.");
  }
  const uris = list.map((item) => (isObject(item) ? item.uri : undefined));
  if (uris.includes(resource) || uris.includes(`${resource}/`)) {
    return pass(id, `${resource} is an MCP resource indicator of the environment: tokens carry it as aud${strictAudience === false ? " (strictAudience: false still also accepts client-id tokens)" : ""}`);
  }
  const consequence = strictAudience === true
    ? "with strictAudience: true every token is refused"
    : "tokens carry aud = the client id and are accepted by every MCP server of this environment; strictAudience: true would refuse them all";
  return warn(id, `${resource} is not an MCP resource indicator of the environment: ${consequence}`, `Add ${resource} as an MCP resource indicator (WorkOS Dashboard → Connect → Configuration, or POST /user_management/authkit_oauth_resources).`);
}
