import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { ApiError } from "../http/api-error.js";
import { getDirectoryGroup, listDirectoryGroups } from "../store/directories.js";
import { paginate, queryString } from "./pagination.js";

/** `directorySync.listGroups / getGroup`: GET /directory_groups and /directory_groups/:id. */
export function directoryGroupsRouter(ctx: EmulatorContext): Router {
  const router = Router();

  router.get("/directory_groups", (req, res) => {
    const query = req.query as Record<string, unknown>;
    const directory = queryString(query, "directory");
    const user = queryString(query, "user");
    // Like directory users, groups are listed per directory or per (directory) user.
    if (directory === undefined && user === undefined) {
      throw ApiError.validation([{ field: "directory", code: "directory_or_user_required" }]);
    }
    res.json(paginate(listDirectoryGroups(ctx, { directory, user }), query));
  });

  router.get("/directory_groups/:id", (req, res) => {
    res.json(getDirectoryGroup(ctx, req.params.id));
  });

  return router;
}
