import { Router, type Response } from "express";
import type { AuthorizationServerMetadataSource } from "../metadata/authorization-server.js";
import type { OAuthProtectedResourceMetadata } from "../metadata/types.js";

/**
 * The discovery documents, open to any origin: browser-based MCP clients (the MCP Inspector,
 * web hosts) fetch them cross-origin before they hold any credential.
 */
export function createMetadataRouter(options: {
  mcpPath: string;
  protectedResource: OAuthProtectedResourceMetadata;
  authorizationServer: AuthorizationServerMetadataSource;
}): Router {
  const router = Router();
  const protectedResourcePaths = ["/.well-known/oauth-protected-resource", `/.well-known/oauth-protected-resource${options.mcpPath}`];

  router.options([...protectedResourcePaths, "/.well-known/oauth-authorization-server"], (_req, res) => {
    allowAnyOrigin(res);
    // The MCP SDK sends MCP-Protocol-Version on discovery requests (MCP authorization spec).
    res
      .set("access-control-allow-methods", "GET, OPTIONS")
      .set("access-control-allow-headers", "MCP-Protocol-Version, Authorization, Content-Type")
      .set("access-control-max-age", "86400")
      .status(204)
      .end();
  });

  router.get(protectedResourcePaths, (_req, res) => {
    allowAnyOrigin(res);
    res.set("cache-control", "public, max-age=3600").json(options.protectedResource);
  });

  router.get("/.well-known/oauth-authorization-server", async (_req, res) => {
    allowAnyOrigin(res);
    const document = await options.authorizationServer.get();
    res.set("cache-control", "public, max-age=300").json(document);
  });

  return router;
}

function allowAnyOrigin(res: Response): void {
  res.set("access-control-allow-origin", "*");
}
