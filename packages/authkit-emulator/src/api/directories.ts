import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { findById } from "./find-by-id.js";
import { paginate, queryString } from "./pagination.js";

/** `directorySync.listDirectories / getDirectory`: GET /directories and /directories/:id. */
export function directoriesRouter(ctx: EmulatorContext): Router {
  const router = Router();

  router.get("/directories", (req, res) => {
    const query = req.query as Record<string, unknown>;
    const organizationId = queryString(query, "organization_id");
    const search = queryString(query, "search")?.toLowerCase();
    const directories = ctx.state.directories.filter(
      (directory) =>
        (organizationId === undefined || directory.organization_id === organizationId) &&
        (search === undefined || directory.name.toLowerCase().includes(search)),
    );
    res.json(paginate(directories, query));
  });

  router.get("/directories/:id", (req, res) => {
    const directory = findById(ctx.state.directories, req.params.id, "Directory");
    res.json(directory);
  });

  return router;
}
