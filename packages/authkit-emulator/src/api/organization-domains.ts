import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { BodyReader } from "../http/body-reader.js";
import {
  createOrganizationDomain,
  deleteOrganizationDomain,
  getOrganizationDomain,
  verifyOrganizationDomain,
  isDomainName,
} from "../store/organizations.js";

/** `organizationDomains`: create, get, verify, delete, under /organization_domains. */
export function organizationDomainsRouter(ctx: EmulatorContext): Router {
  const router = Router();

  router.post("/organization_domains", (req, res) => {
    const body = new BodyReader(req.body);
    const domain = body.requiredString("domain");
    const organizationId = body.requiredString("organization_id");
    if (domain !== undefined && !isDomainName(domain)) body.fail("domain", "domain_invalid");
    body.finish();
    res.status(201).json(createOrganizationDomain(ctx, organizationId as string, domain as string));
  });

  router.get("/organization_domains/:id", (req, res) => {
    res.json(getOrganizationDomain(ctx, req.params.id));
  });

  router.post("/organization_domains/:id/verify", (req, res) => {
    res.status(201).json(verifyOrganizationDomain(ctx, req.params.id));
  });

  router.delete("/organization_domains/:id", (req, res) => {
    deleteOrganizationDomain(ctx, req.params.id);
    res.status(204).end();
  });

  return router;
}
