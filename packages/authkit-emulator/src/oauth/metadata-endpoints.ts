import type { RequestHandler } from "express";
import type { EmulatorContext } from "../context.js";
import { authorizationServerMetadata, openIdConfiguration } from "./authorization-server-metadata.js";

/**
 * A document is built again only when what it depends on changes: the issuer (only known once the
 * server listens on port 0) and, for RFC 8414, the registration switches (a `--data` reload or
 * `reset()` may change them).
 */
function memoized(ctx: EmulatorContext, key: () => string, build: () => Record<string, unknown>): RequestHandler {
  let cached: { key: string; body: Record<string, unknown> } | undefined;
  return (_req, res) => {
    const current = key();
    if (cached?.key !== current) cached = { key: current, body: build() };
    res.set("Cache-Control", "public, max-age=300").json(cached.body);
  };
}

/** GET /.well-known/oauth-authorization-server (RFC 8414 §3). */
export function authorizationServerMetadataEndpoint(ctx: EmulatorContext): RequestHandler {
  const switches = () => ctx.state.environment;
  return memoized(
    ctx,
    () => `${ctx.issuer} ${switches().dynamic_client_registration} ${switches().client_id_metadata_document}`,
    () => authorizationServerMetadata(ctx.issuer, switches()),
  );
}

/** GET /.well-known/openid-configuration (OIDC Discovery §4). */
export function openIdConfigurationEndpoint(ctx: EmulatorContext): RequestHandler {
  return memoized(ctx, () => ctx.issuer, () => openIdConfiguration(ctx.issuer));
}
