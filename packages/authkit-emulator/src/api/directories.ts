import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { deleteDirectory, getDirectory, listDirectories } from "../store/directories.js";
import { paginate, queryString } from "./pagination.js";

/** `directorySync.listDirectories / getDirectory / deleteDirectory`: /directories. */
export function directoriesRouter(ctx: EmulatorContext): Router {
  const router = Router();

  router.get("/directories", (req, res) => {
    const query = req.query as Record<string, unknown>;
    const directories = listDirectories(ctx, {
      organizationId: queryString(query, "organization_id"),
      search: queryString(query, "search"),
      domain: queryString(query, "domain"),
    });
    res.json(paginate(directories, query));
  });

  router.get("/directories/:id", (req, res) => {
    res.json(getDirectory(ctx, req.params.id));
  });

  router.delete("/directories/:id", (req, res) => {
    deleteDirectory(ctx, req.params.id);
    res.status(200).end();
  });

  return router;
}
