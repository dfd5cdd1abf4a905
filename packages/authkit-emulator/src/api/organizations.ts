import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { findById } from "./find-by-id.js";
import { paginate, queryList } from "./pagination.js";

/** `organizations.listOrganizations / getOrganization`: GET /organizations and /organizations/:id. */
export function organizationsRouter(ctx: EmulatorContext): Router {
  const router = Router();

  router.get("/organizations", (req, res) => {
    const query = req.query as Record<string, unknown>;
    const domains = queryList(query, "domains")?.map((domain) => domain.toLowerCase());
    const organizations = ctx.state.organizations.filter(
      (org) => domains === undefined || org.domains.some((d) => domains.includes(d.domain.toLowerCase())),
    );
    res.json(paginate(organizations, query));
  });

  router.get("/organizations/:id", (req, res) => {
    const organization = findById(ctx.state.organizations, req.params.id, "Organization");
    res.json(organization);
  });

  return router;
}
