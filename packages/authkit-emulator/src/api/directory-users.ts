import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { ApiError } from "../http/api-error.js";
import { findById } from "./find-by-id.js";
import { paginate, queryString } from "./pagination.js";
import { serializeDirectoryUser } from "./serialize.js";

/** `directorySync.listUsers / getUser`: GET /directory_users and /directory_users/:id. */
export function directoryUsersRouter(ctx: EmulatorContext): Router {
  const router = Router();

  router.get("/directory_users", (req, res) => {
    const query = req.query as Record<string, unknown>;
    const directory = queryString(query, "directory");
    const group = queryString(query, "group");
    // WorkOS lists directory users per directory or per group, never across the environment.
    if (directory === undefined && group === undefined) {
      throw ApiError.validation([{ field: "directory", code: "directory_or_group_required" }]);
    }
    const users = ctx.state.directoryUsers.filter(
      (user) =>
        (directory === undefined || user.directory_id === directory) &&
        (group === undefined || user.group_ids.includes(group)),
    );
    res.json(paginate(users.map((user) => serializeDirectoryUser(ctx.state, user)), query));
  });

  router.get("/directory_users/:id", (req, res) => {
    const user = findById(ctx.state.directoryUsers, req.params.id, "Directory user");
    res.json(serializeDirectoryUser(ctx.state, user));
  });

  return router;
}
