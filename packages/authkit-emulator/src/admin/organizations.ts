import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { BodyReader } from "../http/body-reader.js";
import { newId } from "../store/ids.js";
import type { OrganizationRecord } from "../store/types.js";

/**
 * POST /_emulator/organizations `{ name, domains?: string[] }` → 201 organization.
 * Domains are created verified: the login UI routes an email to its organization by domain.
 */
export function adminOrganizationsRouter(ctx: EmulatorContext): Router {
  const router = Router();

  router.post("/_emulator/organizations", (req, res) => {
    const body = new BodyReader(req.body);
    const name = body.requiredString("name");
    const domains = (body.optionalStringArray("domains") ?? []).map((domain) => domain.toLowerCase());
    const claimed = domains.find((domain) =>
      ctx.state.organizations.some((org) => org.domains.some((d) => d.domain === domain)),
    );
    if (claimed !== undefined) body.fail("domains", "domain_already_claimed");
    body.finish();

    const now = new Date(ctx.now() * 1000).toISOString();
    const organization: OrganizationRecord = {
      object: "organization",
      id: newId("org"),
      name: name as string,
      allow_profiles_outside_organization: false,
      domains: domains.map((domain) => ({
        object: "organization_domain",
        id: newId("org_domain"),
        domain,
        state: "verified",
        verification_strategy: "manual",
      })),
      external_id: null,
      metadata: {},
      created_at: now,
      updated_at: now,
    };
    ctx.state.organizations.push(organization);
    ctx.save();
    res.status(201).json(organization);
  });

  return router;
}
