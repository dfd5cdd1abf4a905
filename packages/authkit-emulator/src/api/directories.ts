import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { ApiError } from "../http/api-error.js";
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
    const directory = ctx.state.directories.find((candidate) => candidate.id === req.params.id);
    if (directory === undefined) throw ApiError.notFound("Directory", req.params.id);
    res.json(directory);
  });

  return router;
}
