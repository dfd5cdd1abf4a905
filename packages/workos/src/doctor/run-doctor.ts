import { authkitJwksUrl, normalizeAuthkitDomain } from "../config/authkit-domain.js";
import { defaults } from "../config/defaults.js";
import { checkAuthorizationServer } from "./checks/authorization-server.js";
import { checkJwks } from "./checks/jwks.js";
import { checkOptionFormats } from "./checks/option-formats.js";
import { checkProtectedResource } from "./checks/protected-resource.js";
import { checkApiKeyAccepted, checkClientEnvironment, checkResourceIndicator } from "./checks/workos-api.js";
import { skip } from "./pass-fail.js";
import type { DoctorCheck, DoctorInput, DoctorReport, DoctorRuntime } from "./types.js";

const defaultRuntime: DoctorRuntime = { fetch: (...args) => fetch(...args), now: () => Date.now(), timeoutMs: 5_000 };

/**
 * Diagnose an AuthKit setup the way an MCP client will meet it: option formats, AuthKit's
 * metadata and Dashboard switches, the key set, the API key, the client id's environment, the
 * clock, the resource indicator, and — when it runs — the server at `baseURL`. Checks that need
 * an earlier one to pass are reported as skipped, never guessed.
 *
 * @example
 * const report = await runDoctor({ apiKey, clientId, baseURL, authkitDomain });
 * if (!report.ok) process.exitCode = 1;
 */
export async function runDoctor(given: DoctorInput, runtime: Partial<DoctorRuntime> = {}): Promise<DoctorReport> {
  // An empty apiURL is unset, as the provider reads it: the WorkOS API.
  const input: DoctorInput = { ...given, apiURL: given.apiURL || undefined };
  const rt: DoctorRuntime = { ...defaultRuntime, ...runtime };
  const checks: DoctorCheck[] = checkOptionFormats(input);
  const ok = (id: string) => checks.find((check) => check.id === id)?.status !== "fail";
  const apiURL = (input.apiURL ?? "https://api.workos.com").replace(/\/+$/, "");
  const tolerance = input.clockToleranceSeconds ?? defaults.clockToleranceSeconds;

  let issuer: string | undefined;
  let authkitKids: string[] = [];
  if (ok("options.authkitDomain")) {
    issuer = normalizeAuthkitDomain(input.authkitDomain!);
    const server = await checkAuthorizationServer(rt, issuer, tolerance);
    checks.push(...server.checks);
    if (server.metadata) {
      const jwks = await checkJwks(rt, authkitJwksUrl(issuer).href);
      checks.push(jwks.check);
      authkitKids = jwks.kids;
    }
  } else {
    checks.push(skip("authkit.reachable", "AuthKit not checked: the AuthKit domain is not usable", "Fix authkitDomain first."));
  }

  // No request carries the key to an apiURL that failed its check (plain http off this machine).
  const apiUsable = ok("options.apiURL");
  const apiKeyUsable = apiUsable && ok("options.apiKey");
  if (apiKeyUsable) checks.push(await checkApiKeyAccepted(rt, { apiURL, apiKey: input.apiKey! }));
  else if (!apiUsable) checks.push(skip("workos.apiKey", "API key not checked: apiURL is not usable", "Fix apiURL first."));
  if (!apiUsable) checks.push(skip("workos.clientId", "Client id not checked: apiURL is not usable", "Fix apiURL first."));
  else if (ok("options.clientId")) checks.push(await checkClientEnvironment(rt, apiURL, input.clientId!, authkitKids));

  const resource = ok("options.baseURL") && ok("options.mcpPath") && input.baseURL ? `${new URL(input.baseURL).origin}${input.mcpPath ?? defaults.mcpPath}` : undefined;
  if (resource && apiKeyUsable && ok("workos.apiKey")) {
    checks.push(await checkResourceIndicator(rt, { apiURL, apiKey: input.apiKey! }, resource, input.strictAudience));
  }
  if (resource && issuer) checks.push(...(await checkProtectedResource(rt, resource, issuer)));

  return { ok: checks.every((check) => check.status !== "fail"), checks };
}
