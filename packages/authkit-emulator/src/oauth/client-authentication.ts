import { timingSafeEqual } from "node:crypto";
import type { Request } from "express";
import type { OAuthClientRecord } from "../store/types.js";
import type { ClientRegistry } from "./client-registry.js";
import { OAuthError } from "./oauth-error.js";
import { optionalParam } from "./request-params.js";

interface PresentedCredentials {
  clientId: string | undefined;
  secret: string | undefined;
  method: OAuthClientRecord["token_endpoint_auth_method"];
}

/** RFC 6749 §2.3.1: the id and secret are form-urlencoded before being joined for Basic. */
function formDecode(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, " "));
}

function readCredentials(req: Request): PresentedCredentials {
  const header = req.headers.authorization;
  const bodyId = optionalParam(req.body, "client_id");
  const bodySecret = optionalParam(req.body, "client_secret");
  if (header?.startsWith("Basic ")) {
    const decoded = Buffer.from(header.slice(6), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) throw new OAuthError("invalid_client", "Malformed Basic client credentials.");
    // RFC 6749 §2.3: a client MUST NOT use more than one authentication method per request.
    if (bodySecret !== undefined) throw new OAuthError("invalid_request", "Use only one client authentication method.");
    const clientId = formDecode(decoded.slice(0, colon));
    if (bodyId !== undefined && bodyId !== clientId) throw new OAuthError("invalid_request", "client_id does not match the Basic credentials.");
    return { clientId, secret: formDecode(decoded.slice(colon + 1)), method: "client_secret_basic" };
  }
  if (bodySecret !== undefined) return { clientId: bodyId, secret: bodySecret, method: "client_secret_post" };
  return { clientId: bodyId, secret: undefined, method: "none" };
}

function secretsEqual(expected: string, presented: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Authenticates the client of a token, introspection or revocation request with the method it
 * registered (RFC 7591 `token_endpoint_auth_method`): `none` sends only `client_id`,
 * `client_secret_post` adds the secret to the body, `client_secret_basic` uses HTTP Basic.
 *
 * @example
 * const client = await authenticateClient(req, runtime.clients);
 */
export async function authenticateClient(req: Request, clients: ClientRegistry): Promise<OAuthClientRecord> {
  const presented = readCredentials(req);
  if (!presented.clientId) throw new OAuthError("invalid_client", "Client authentication is required.");
  const client = await clients.resolve(presented.clientId);
  if (presented.method !== client.token_endpoint_auth_method) {
    throw new OAuthError("invalid_client", `This client must authenticate with ${client.token_endpoint_auth_method}.`);
  }
  if (presented.method !== "none" && !secretsEqual(client.client_secret ?? "", presented.secret ?? "")) {
    throw new OAuthError("invalid_client", "Client authentication failed.");
  }
  return client;
}
