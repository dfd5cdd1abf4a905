import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { BodyReader } from "../http/body-reader.js";
import { createOrganization } from "../store/organizations.js";

/**
 * POST /_emulator/organizations `{ name, domains?: string[] }` → 201 organization.
 * Domains are created verified: the login UI routes an email to its organization by domain.
 */
export function adminOrganizationsRouter(ctx: EmulatorContext): Router {
  const router = Router();

  router.post("/_emulator/organizations", (req, res) => {
    const body = new BodyReader(req.body);
    const name = body.requiredString("name");
    const domains = body.optionalStringArray("domains") ?? [];
    body.finish();
    const organization = createOrganization(ctx, {
      name: name as string,
      domain_data: domains.map((domain) => ({ domain, state: "verified" })),
    });
    res.status(201).json(organization);
  });

  return router;
}
