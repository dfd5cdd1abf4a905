import type { RequestHandler } from "express";
import type { EmulatorContext } from "../context.js";
import { addRegisteredClient } from "../store/oauth-clients.js";
import type { OAuthClientRecord } from "../store/types.js";
import { parseClientMetadata } from "./client-metadata.js";
import { createSecret } from "./secrets.js";
import { newId } from "../store/ids.js";
import type { OAuthRuntime } from "./oauth-runtime.js";

/**
 * POST /oauth2/register (RFC 7591). Public clients (`none`) get only a client_id; confidential
 * ones also a client_secret that never expires (`client_secret_expires_at: 0`, §3.2.1).
 */
export function registerEndpoint(runtime: OAuthRuntime): RequestHandler {
  return (req, res) => {
    const { ctx } = runtime;
    // RFC 7591 §2: token_endpoint_auth_method defaults to client_secret_basic.
    const metadata = parseClientMetadata(req.body, "client_secret_basic");
    const client: OAuthClientRecord = {
      ...metadata,
      client_id: newId("client"),
      client_id_issued_at: ctx.now(),
      kind: "dcr",
      ...(metadata.token_endpoint_auth_method === "none" ? {} : { client_secret: createSecret() }),
    };
    addRegisteredClient(ctx, client);
    ctx.logger.info(`Registered OAuth client ${client.client_id}${client.client_name ? ` (${client.client_name})` : ""}.`);
    const { kind: _kind, ...response } = client;
    res
      .status(201)
      .set({ "Cache-Control": "no-store", Pragma: "no-cache" })
      .json({ ...response, ...(client.client_secret ? { client_secret_expires_at: 0 } : {}) });
  };
}

/**
 * With Dynamic Client Registration switched off the endpoint does not exist: the request falls
 * through to the JSON 404 of unknown routes, and the metadata no longer names it.
 */
export function whenDynamicRegistrationEnabled(ctx: EmulatorContext): RequestHandler {
  return (_req, _res, next) => next(ctx.state.environment.dynamic_client_registration ? undefined : "route");
}
