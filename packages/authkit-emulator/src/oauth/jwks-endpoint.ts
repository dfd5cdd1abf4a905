import type { RequestHandler } from "express";
import type { EmulatorContext } from "../context.js";
import { publishedJwks } from "../keys/index.js";

/**
 * GET /oauth2/jwks and GET /sso/jwks/:clientId (the URL `@workos-inc/node`'s `getJwksUrl` builds).
 * A short max-age lets verifiers notice a rotation quickly.
 */
export function jwksEndpoint(ctx: EmulatorContext): RequestHandler {
  return (req, res) => {
    // WorkOS answers 404 for a client id it does not know (OpenAPI: SsoController_jsonWebKeySet).
    const clientId = req.params.clientId;
    if (clientId !== undefined && clientId !== ctx.state.environment.client_id) {
      res.status(404).json({ message: `Client not found: '${clientId}'.` });
      return;
    }
    res.set("Cache-Control", "public, max-age=60").json(publishedJwks(ctx));
  };
}
