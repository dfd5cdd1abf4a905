import { fetchJson, isObject } from "../fetch-json.js";
import { fail, pass, skip } from "../pass-fail.js";
import type { DoctorCheck, DoctorRuntime } from "../types.js";

/**
 * The running server seen as an MCP client sees it from `baseURL`: an unauthenticated request to
 * the MCP endpoint answers 401 with `resource_metadata` (MCP authorization spec; RFC 9728 §5.1),
 * and that document names this resource and this AuthKit. A mismatch here is what makes clients
 * loop on sign-in.
 */
export async function checkProtectedResource(runtime: DoctorRuntime, resource: string, issuer: string): Promise<DoctorCheck[]> {
  const challenge = await fetchJson(runtime, resource, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
  });
  if ("error" in challenge) {
    return [skip("server.challenge", `no MCP server answers at ${resource}: ${challenge.error}; server checks skipped`, "Start the server and run the doctor again, or set BASE_URL to the origin it is reached at.")];
  }
  const header = challenge.headers.get("www-authenticate") ?? "";
  const advertised = /resource_metadata="([^"]+)"/.exec(header)?.[1];
  if (challenge.status !== 401 || !advertised) {
    return [fail("server.challenge", `POST ${resource} without a token answered HTTP ${challenge.status}${advertised ? "" : " with no resource_metadata challenge"}`, "The server at BASE_URL is not protected by @xmcp-dev/workos on this path: check BASE_URL, mcpPath and that src/middleware.ts exports workosProvider().")];
  }
  const computed = `${new URL(resource).origin}/.well-known/oauth-protected-resource${new URL(resource).pathname}`;
  const checks: DoctorCheck[] = [pass("server.challenge", `unauthenticated requests get 401 pointing at ${advertised}`)];
  if (advertised !== computed) {
    checks.push(fail("server.metadataURL", `the challenge points at ${advertised}, but clients reaching ${resource} compute ${computed}`, "Set baseURL to the origin clients use to reach the server (behind a proxy: the public https origin)."));
    return checks;
  }
  const document = await fetchJson(runtime, computed);
  if ("error" in document || document.status !== 200 || !isObject(document.body)) {
    checks.push(fail("server.metadata", `${computed} does not serve a protected resource document`, "Mount the provider's router (export default workosProvider(...) from src/middleware.ts)."));
    return checks;
  }
  const served = document.body;
  if (served.resource !== resource) {
    checks.push(fail("server.metadata", `the server calls itself ${JSON.stringify(served.resource)}, but clients reach it as ${resource}; they refuse the mismatch (RFC 9728 §3.3)`, "Set BASE_URL on the server to the origin clients use to reach it."));
  } else if (!Array.isArray(served.authorization_servers) || !served.authorization_servers.includes(issuer)) {
    checks.push(fail("server.metadata", `the server names ${JSON.stringify(served.authorization_servers)} as its authorization server, not ${issuer}`, "Run the server and the doctor with the same WORKOS_AUTHKIT_DOMAIN."));
  } else {
    checks.push(pass("server.metadata", `${computed} names ${resource} and AuthKit ${issuer}`));
  }
  return checks;
}
