import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { ApiError } from "../http/api-error.js";
import { findById } from "./find-by-id.js";
import { paginate, queryString } from "./pagination.js";

/** `directorySync.listGroups / getGroup`: GET /directory_groups and /directory_groups/:id. */
export function directoryGroupsRouter(ctx: EmulatorContext): Router {
  const router = Router();

  router.get("/directory_groups", (req, res) => {
    const query = req.query as Record<string, unknown>;
    const directory = queryString(query, "directory");
    const userId = queryString(query, "user");
    // Like directory users, groups are listed per directory or per (directory) user.
    if (directory === undefined && userId === undefined) {
      throw ApiError.validation([{ field: "directory", code: "directory_or_user_required" }]);
    }
    const member = userId === undefined ? undefined : ctx.state.directoryUsers.find((u) => u.id === userId);
    const groups = ctx.state.directoryGroups.filter(
      (group) =>
        (directory === undefined || group.directory_id === directory) &&
        (userId === undefined || (member?.group_ids.includes(group.id) ?? false)),
    );
    res.json(paginate(groups, query));
  });

  router.get("/directory_groups/:id", (req, res) => {
    const group = findById(ctx.state.directoryGroups, req.params.id, "Directory group");
    res.json(group);
  });

  return router;
}
