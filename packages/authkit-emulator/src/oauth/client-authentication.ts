import type { Request } from "express";
import { constantTimeEqual } from "../http/constant-time-equal.js";
import { isCrossSiteRequest } from "../http/cross-site-request.js";
import type { ServedHosts } from "../http/served-hosts.js";
import type { OAuthClientRecord } from "../store/types.js";
import type { ClientRegistry } from "./client-registry.js";
import { OAuthError } from "./oauth-error.js";
import { optionalParam } from "./request-params.js";

interface PresentedCredentials {
  clientId: string | undefined;
  secret: string | undefined;
  method: OAuthClientRecord["token_endpoint_auth_method"];
}

const MALFORMED_BASIC = "Malformed Basic client credentials.";

/**
 * RFC 6749 §2.3.1: the id and secret are form-urlencoded before being joined for Basic. A bad
 * escape (`client%ZZ`) is the client's mistake: `invalid_client` (§5.2), not a URIError and a 500.
 */
function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    throw new OAuthError("invalid_client", MALFORMED_BASIC);
  }
}

/** RFC 7617 §2: base64 of `id:secret`. Buffer.from() skips characters outside the alphabet, so check first. */
function decodeBasic(credentials: string): string {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(credentials)) throw new OAuthError("invalid_client", MALFORMED_BASIC);
  return Buffer.from(credentials, "base64").toString("utf8");
}

function readCredentials(req: Request): PresentedCredentials {
  const header = req.headers.authorization;
  const bodyId = optionalParam(req.body, "client_id");
  const bodySecret = optionalParam(req.body, "client_secret");
  if (header?.startsWith("Basic ")) {
    const decoded = decodeBasic(header.slice(6).trim());
    const colon = decoded.indexOf(":");
    if (colon < 0) throw new OAuthError("invalid_client", MALFORMED_BASIC);
    // RFC 6749 §2.3: a client MUST NOT use more than one authentication method per request.
    if (bodySecret !== undefined) throw new OAuthError("invalid_request", "Use only one client authentication method.");
    const clientId = formDecode(decoded.slice(0, colon));
    if (bodyId !== undefined && bodyId !== clientId) throw new OAuthError("invalid_request", "client_id does not match the Basic credentials.");
    return { clientId, secret: formDecode(decoded.slice(colon + 1)), method: "client_secret_basic" };
  }
  if (bodySecret !== undefined) return { clientId: bodyId, secret: bodySecret, method: "client_secret_post" };
  return { clientId: bodyId, secret: undefined, method: "none" };
}

/**
 * Authenticates the client of a token or introspection request with the method it
 * registered (RFC 7591 `token_endpoint_auth_method`): `none` sends only `client_id`,
 * `client_secret_post` adds the secret to the body, `client_secret_basic` uses HTTP Basic.
 *
 * @example
 * const client = await authenticateClient(req, runtime.clients, runtime.ctx.servedHosts);
 */
export async function authenticateClient(req: Request, clients: ClientRegistry, servedHosts: ServedHosts): Promise<OAuthClientRecord> {
  const presented = readCredentials(req);
  if (!presented.clientId) throw new OAuthError("invalid_client", "Client authentication is required.");
  // The token endpoint is open to CORS: a page's fetch must not make the emulator fetch a local URL.
  const client = await clients.resolve(presented.clientId, { crossSite: isCrossSiteRequest(req.headers, servedHosts) });
  if (presented.method !== client.token_endpoint_auth_method) {
    throw new OAuthError("invalid_client", `This client must authenticate with ${client.token_endpoint_auth_method}.`);
  }
  if (presented.method !== "none" && !constantTimeEqual(presented.secret ?? "", client.client_secret ?? "")) {
    throw new OAuthError("invalid_client", "Client authentication failed.");
  }
  return client;
}
