import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { ApiError } from "../http/api-error.js";
import { getDirectoryUser, listDirectoryUsers } from "../store/directories.js";
import { paginate, queryString } from "./pagination.js";
import { serializeDirectoryUser } from "./serialize.js";

/** `directorySync.listUsers / getUser`: GET /directory_users and /directory_users/:id. */
export function directoryUsersRouter(ctx: EmulatorContext): Router {
  const router = Router();
  const serialize = serializeDirectoryUser.bind(null, ctx);

  router.get("/directory_users", (req, res) => {
    const query = req.query as Record<string, unknown>;
    const directory = queryString(query, "directory");
    const group = queryString(query, "group");
    // WorkOS lists directory users per directory or per group, never across the environment.
    if (directory === undefined && group === undefined) {
      throw ApiError.validation([{ field: "directory", code: "directory_or_group_required" }]);
    }
    res.json(paginate(listDirectoryUsers(ctx, { directory, group }), query, serialize));
  });

  router.get("/directory_users/:id", (req, res) => {
    res.json(serialize(getDirectoryUser(ctx, req.params.id)));
  });

  return router;
}
