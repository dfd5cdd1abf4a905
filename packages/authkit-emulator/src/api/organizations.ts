import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { BodyReader } from "../http/body-reader.js";
import { MAX_EXTERNAL_ID_LENGTH } from "../store/metadata.js";
import {
  createOrganization,
  deleteOrganization,
  getOrganization,
  getOrganizationByExternalId,
  listOrganizations,
  updateOrganization,
  type DomainInput,
  type OrganizationInput,
  isDomainName,
} from "../store/organizations.js";
import { paginate, queryList, queryString } from "./pagination.js";

/** `organizations`: list, create, get, get by external id, update, delete, under /organizations. */
export function organizationsRouter(ctx: EmulatorContext): Router {
  const router = Router();

  router.get("/organizations", (req, res) => {
    const query = req.query as Record<string, unknown>;
    const organizations = listOrganizations(ctx, { domains: queryList(query, "domains"), search: queryString(query, "search") });
    res.json(paginate(organizations, query));
  });

  router.post("/organizations", (req, res) => {
    const body = new BodyReader(req.body);
    const name = body.requiredString("name");
    const input = readOrganizationFields(body);
    body.finish();
    res.status(201).json(createOrganization(ctx, { ...input, name: name as string }));
  });

  router.get("/organizations/external_id/:externalId", (req, res) => {
    res.json(getOrganizationByExternalId(ctx, req.params.externalId));
  });

  router.get("/organizations/:id", (req, res) => {
    res.json(getOrganization(ctx, req.params.id));
  });

  router.put("/organizations/:id", (req, res) => {
    const organization = getOrganization(ctx, req.params.id);
    const body = new BodyReader(req.body);
    const name = body.optionalString("name");
    const input = readOrganizationFields(body);
    body.finish();
    res.json(updateOrganization(ctx, organization, name === undefined ? input : { ...input, name }));
  });

  router.delete("/organizations/:id", (req, res) => {
    deleteOrganization(ctx, req.params.id);
    res.status(200).end();
  });

  return router;
}

/** What `serializeCreateOrganizationOptions` / `serializeUpdateOrganizationOptions` send, and the deprecated `domains`. */
function readOrganizationFields(body: BodyReader): OrganizationInput {
  const domainData = readDomainData(body);
  const domains = readDeprecatedDomains(body);
  return {
    domain_data: domainData ?? domains,
    external_id: body.optionalNullableString("external_id", MAX_EXTERNAL_ID_LENGTH),
    stripe_customer_id: body.optionalNullableString("stripe_customer_id"),
    metadata: body.optionalMetadata("metadata"),
    allow_profiles_outside_organization: body.optionalBoolean("allow_profiles_outside_organization"),
  };
}

/** `domain_data: [{ domain, state: "pending" | "verified" }]` (`@workos/openapi-spec` OrganizationDomainDataDto). */
function readDomainData(body: BodyReader): DomainInput[] | undefined {
  const raw = body.raw("domain_data");
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) return body.fail("domain_data", "domain_data_must_be_array");
  const domains: DomainInput[] = [];
  raw.forEach((entry: unknown, index) => {
    const item = (typeof entry === "object" && entry !== null ? entry : {}) as Record<string, unknown>;
    if (typeof item.domain !== "string" || !isDomainName(item.domain)) {
      body.fail(`domain_data[${index}].domain`, "domain_invalid");
    } else if (item.state !== "pending" && item.state !== "verified") {
      body.fail(`domain_data[${index}].state`, "state_must_be_pending_or_verified");
    } else {
      domains.push({ domain: item.domain, state: item.state });
    }
  });
  return domains;
}

/**
 * `domains: string[]`, which `OrganizationDto` / `UpdateOrganizationDto` still accept, "Deprecated
 * in favor of `domain_data`" (which wins when both are sent). Neither the spec nor the docs give
 * the state such a domain gets: it is added `pending` (a domain already listed keeps its state),
 * as nothing attests that it was verified. Like `domain_data`, the list replaces the domains.
 */
function readDeprecatedDomains(body: BodyReader): DomainInput[] | undefined {
  const raw = body.optionalStringArray("domains");
  if (raw === undefined) return undefined;
  const domains: DomainInput[] = [];
  raw.forEach((domain, index) => {
    if (isDomainName(domain)) domains.push({ domain });
    else body.fail(`domains[${index}]`, "domain_invalid");
  });
  return domains;
}
