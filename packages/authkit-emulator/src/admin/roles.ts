import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { BodyReader } from "../http/body-reader.js";
import { findRole, listRoles, saveRole } from "../store/roles.js";

/**
 * POST /_emulator/roles `{ slug, name?, description?, permissions? }` → 201 role, and
 * GET /_emulator/roles. Permissions reach access tokens through the JWT template.
 */
export function adminRolesRouter(ctx: EmulatorContext): Router {
  const router = Router();

  router.get("/_emulator/roles", (_req, res) => {
    res.json({ object: "list", data: listRoles(ctx) });
  });

  router.post("/_emulator/roles", (req, res) => {
    const body = new BodyReader(req.body);
    const slug = body.requiredString("slug");
    if (slug !== undefined && !/^[a-z0-9][a-z0-9_-]*$/.test(slug)) body.fail("slug", "slug_invalid");
    if (slug !== undefined && findRole(ctx, slug) !== undefined) body.fail("slug", "slug_taken");
    const name = body.optionalString("name") ?? slug;
    const description = body.optionalString("description") ?? null;
    const permissions = body.optionalStringArray("permissions") ?? [];
    body.finish();
    res.status(201).json(saveRole(ctx, { slug: slug as string, name: name as string, description, permissions }));
  });

  return router;
}
