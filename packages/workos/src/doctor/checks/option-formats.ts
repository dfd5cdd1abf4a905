import { isLoopbackHost, isSecureOrLoopback, normalizeAuthkitDomain } from "../../config/authkit-domain.js";
import { misplacedApiKey, shown } from "../../config/secret-values.js";
import { fail, pass } from "../pass-fail.js";
import type { DoctorCheck, DoctorInput } from "../types.js";

/**
 * The four required settings, one line each, in the words of `workosProvider()`'s own start-up
 * errors, and `apiURL` and `mcpPath` when they are given. The API key is described by its prefix only, and a
 * setting that holds it fails without being quoted: later checks then send nothing to it.
 */
export function checkOptionFormats(input: DoctorInput): DoctorCheck[] {
  const required = [apiKeyFormat(input.apiKey), clientIdFormat(input.clientId), authkitDomainForm(input.authkitDomain), baseURLForm(input.baseURL)];
  const given = [...(input.apiURL === undefined ? [] : [apiURLForm(input.apiURL)]), ...(input.mcpPath === undefined ? [] : [mcpPathForm(input.mcpPath)])];
  return [...required, ...given];
}

/** `--mcp-path` goes into the resource URL the later checks fetch and print, so a key in it fails first, unquoted. */
function mcpPathForm(mcpPath: string): DoctorCheck {
  const id = "options.mcpPath";
  const misplaced = misplacedApiKey("mcpPath", mcpPath, "the MCP endpoint's path");
  if (misplaced) return fail(id, misplaced, "Give the MCP endpoint's path, e.g. /mcp (the default).");
  if (!mcpPath.startsWith("/")) return fail(id, `mcpPath ${shown(mcpPath)} does not start with /`, "Give the MCP endpoint's path, e.g. /mcp (the default).");
  return pass(id, `mcpPath ${mcpPath}`);
}

function apiKeyFormat(apiKey: string | undefined): DoctorCheck {
  const id = "options.apiKey";
  if (!apiKey) return fail(id, "apiKey is not set", "Set WORKOS_API_KEY (WorkOS Dashboard → API Keys).");
  if (!apiKey.startsWith("sk_")) {
    return fail(id, "apiKey does not start with sk_", "Copy the secret key (sk_…) from WorkOS Dashboard → API Keys, not the client id or a publishable key.");
  }
  if (apiKey.startsWith("sk_test_")) return pass(id, "apiKey is a staging key (sk_test_…)");
  if (apiKey.startsWith("sk_live_")) return pass(id, "apiKey is a production key (sk_live_…)");
  return pass(id, "apiKey has the sk_ prefix");
}

function clientIdFormat(clientId: string | undefined): DoctorCheck {
  const id = "options.clientId";
  if (!clientId) return fail(id, "clientId is not set", "Set WORKOS_CLIENT_ID (WorkOS Dashboard → API Keys → Client ID).");
  const misplaced = misplacedApiKey("clientId", clientId, "the client id (client_…)");
  if (misplaced) return fail(id, misplaced, "Put the Client ID (client_…) from WorkOS Dashboard → API Keys in WORKOS_CLIENT_ID.");
  if (!clientId.startsWith("client_")) {
    return fail(id, `clientId ${shown(clientId)} does not start with client_`, "Copy the Client ID (client_…) from WorkOS Dashboard → API Keys.");
  }
  return pass(id, `clientId ${clientId}`);
}

function authkitDomainForm(domain: string | undefined): DoctorCheck {
  const id = "options.authkitDomain";
  if (!domain) {
    return fail(id, "authkitDomain is not set", "Set WORKOS_AUTHKIT_DOMAIN to the AuthKit domain from WorkOS Dashboard → Domains (e.g. acme.authkit.app).");
  }
  let issuer: string;
  try {
    issuer = normalizeAuthkitDomain(domain);
  } catch (error) {
    return fail(id, (error as Error).message.replace(/^\[WorkOS\] /, ""), "Use the bare AuthKit host (acme.authkit.app) or its https origin, with no path.");
  }
  return issuer === domain.trim()
    ? pass(id, `authkitDomain ${issuer}`)
    : pass(id, `authkitDomain ${issuer} (written as ${shown(domain)}; the plugin uses the origin form)`);
}

/**
 * The API key travels in the requests to `apiURL`: the provider refuses plain http off this
 * machine at start-up, and the doctor must not send the key there either.
 */
function apiURLForm(apiURL: string): DoctorCheck {
  const id = "options.apiURL";
  let url: URL;
  const misplaced = misplacedApiKey("apiURL", apiURL, "the WorkOS API's URL");
  if (misplaced) return fail(id, misplaced, "Leave WORKOS_API_URL unset for the WorkOS API, or give the emulator's URL, e.g. http://127.0.0.1:4455.");
  try {
    url = new URL(apiURL);
  } catch {
    return fail(id, `apiURL ${shown(apiURL)} is not an absolute URL`, "Leave WORKOS_API_URL unset for the WorkOS API, or give an absolute URL such as http://127.0.0.1:4455 for the emulator.");
  }
  if (isSecureOrLoopback(url)) return pass(id, `apiURL ${url.origin}`);
  return fail(id, `apiURL ${url.origin} is not https: the API key would cross the network in clear`, "Use https, or plain http to localhost/127.0.0.1 only (the emulator).");
}

function baseURLForm(baseURL: string | undefined): DoctorCheck {
  const id = "options.baseURL";
  if (!baseURL) return fail(id, "baseURL is not set", "Set BASE_URL to the public origin MCP clients use to reach this server, e.g. https://mcp.example.com.");
  let url: URL;
  const misplaced = misplacedApiKey("baseURL", baseURL, "this server's public origin");
  if (misplaced) return fail(id, misplaced, "Set BASE_URL to the public origin MCP clients use to reach this server, e.g. https://mcp.example.com.");
  try {
    url = new URL(baseURL);
  } catch {
    return fail(id, `baseURL ${shown(baseURL)} is not an absolute URL`, "Use the origin clients reach, e.g. https://mcp.example.com.");
  }
  if (url.pathname !== "/" || url.search || url.hash) {
    return fail(id, `baseURL ${shown(baseURL)} has a path`, "Give the origin only; the MCP endpoint's path is the mcpPath option (default /mcp).");
  }
  if (url.protocol === "https:") return pass(id, `baseURL ${url.origin}`);
  if (url.protocol === "http:" && isLoopbackHost(url.hostname)) {
    return pass(id, `baseURL ${url.origin} (plain http, accepted on this machine only)`);
  }
  return fail(id, `baseURL ${url.origin} is not https`, "MCP clients refuse plain http off this machine: serve the server over https and set BASE_URL to that origin.");
}
