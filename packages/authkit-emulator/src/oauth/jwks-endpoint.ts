import type { RequestHandler } from "express";
import type { EmulatorContext } from "../context.js";
import { publishedJwks } from "../keys/index.js";

/**
 * GET /oauth2/jwks and GET /sso/jwks/:clientId (the URL `@workos-inc/node`'s `getJwksUrl` builds).
 * A short max-age lets verifiers notice a rotation quickly.
 */
export function jwksEndpoint(ctx: EmulatorContext): RequestHandler {
  return (_req, res) => {
    res.set("Cache-Control", "public, max-age=60").json(publishedJwks(ctx));
  };
}
