import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { findById } from "./find-by-id.js";
import { paginate, queryString } from "./pagination.js";

/** `sso.listConnections / getConnection`: GET /connections and /connections/:id. */
export function connectionsRouter(ctx: EmulatorContext): Router {
  const router = Router();

  router.get("/connections", (req, res) => {
    const query = req.query as Record<string, unknown>;
    const organizationId = queryString(query, "organization_id");
    const connectionType = queryString(query, "connection_type");
    const domain = queryString(query, "domain")?.toLowerCase();
    const connections = ctx.state.connections.filter(
      (connection) =>
        (organizationId === undefined || connection.organization_id === organizationId) &&
        (connectionType === undefined || connection.connection_type === connectionType) &&
        (domain === undefined || connection.domains.some((d) => d.domain.toLowerCase() === domain)),
    );
    res.json(paginate(connections, query));
  });

  router.get("/connections/:id", (req, res) => {
    const connection = findById(ctx.state.connections, req.params.id, "Connection");
    res.json(connection);
  });

  return router;
}
