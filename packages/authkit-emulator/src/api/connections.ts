import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { deleteConnection, getConnection, listConnections } from "../store/connections.js";
import { paginate, queryString } from "./pagination.js";

/** `sso.listConnections / getConnection / deleteConnection`: /connections. */
export function connectionsRouter(ctx: EmulatorContext): Router {
  const router = Router();

  router.get("/connections", (req, res) => {
    const query = req.query as Record<string, unknown>;
    const connections = listConnections(ctx, {
      organizationId: queryString(query, "organization_id"),
      connectionType: queryString(query, "connection_type"),
      domain: queryString(query, "domain"),
      search: queryString(query, "search"),
    });
    res.json(paginate(connections, query));
  });

  router.get("/connections/:id", (req, res) => {
    res.json(getConnection(ctx, req.params.id));
  });

  router.delete("/connections/:id", (req, res) => {
    deleteConnection(ctx, req.params.id);
    res.status(204).end();
  });

  return router;
}
