import type { RequestHandler } from "express";
import type { EmulatorContext } from "../context.js";
import { authorizationServerMetadata, openIdConfiguration } from "./authorization-server-metadata.js";

/**
 * The documents are built once per issuer: the issuer is only known once the server listens
 * (port 0), so they are made on first request rather than when the router is created.
 */
function memoizedByIssuer(ctx: EmulatorContext, build: (issuer: string) => Record<string, unknown>): RequestHandler {
  let cached: { issuer: string; body: Record<string, unknown> } | undefined;
  return (_req, res) => {
    if (cached?.issuer !== ctx.issuer) cached = { issuer: ctx.issuer, body: build(ctx.issuer) };
    res.set("Cache-Control", "public, max-age=300").json(cached.body);
  };
}

/** GET /.well-known/oauth-authorization-server (RFC 8414 §3). */
export const authorizationServerMetadataEndpoint = (ctx: EmulatorContext) => memoizedByIssuer(ctx, authorizationServerMetadata);

/** GET /.well-known/openid-configuration (OIDC Discovery §4). */
export const openIdConfigurationEndpoint = (ctx: EmulatorContext) => memoizedByIssuer(ctx, openIdConfiguration);
