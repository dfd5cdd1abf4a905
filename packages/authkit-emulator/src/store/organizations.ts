import { ApiError } from "../http/api-error.js";
import { newId } from "./ids.js";
import { applyMetadataChanges } from "./metadata.js";
import { removeWhere } from "./remove-where.js";
import { isoNow, type StoreContext, insertRecord } from "./store-context.js";
import type { OrganizationDomainRecord, OrganizationRecord } from "./types.js";
import { lookupById, requireRecord } from "./lookup.js";

/** A DNS name with at least two labels (`acme.test`); WorkOS refuses anything else. */
export function isDomainName(value: string): boolean {
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(value);
}

export interface DomainInput {
  domain: string;
  state?: "pending" | "verified";
}

export interface OrganizationInput {
  name?: string;
  domain_data?: DomainInput[];
  external_id?: string | null;
  stripe_customer_id?: string | null;
  metadata?: Record<string, string | null>;
  allow_profiles_outside_organization?: boolean;
}

/** Fill what data files written by older versions lack (domains gained their organization and timestamps). */
export function upgradeOrganization(organization: OrganizationRecord): void {
  organization.external_id ??= null;
  organization.metadata ??= {};
  for (const domain of organization.domains) {
    domain.organization_id ??= organization.id;
    domain.created_at ??= organization.created_at;
    domain.updated_at ??= organization.updated_at;
  }
}

const organizations = lookupById((state) => state.organizations, "Organization");
export const findOrganization = organizations.find;
/** The organization with this id, or the 404 WorkOS answers. */
export const getOrganization = organizations.get;

export function getOrganizationByExternalId(ctx: StoreContext, externalId: string): OrganizationRecord {
  return requireRecord(ctx.state.organizations.find((candidate) => candidate.external_id === externalId), "Organization", externalId);
}

export function listOrganizations(ctx: StoreContext, filter: { domains?: string[]; search?: string }): OrganizationRecord[] {
  const domains = filter.domains?.map((domain) => domain.toLowerCase());
  const search = filter.search?.toLowerCase();
  return ctx.state.organizations.filter(
    (org) =>
      (domains === undefined || org.domains.some((d) => domains.includes(d.domain.toLowerCase()))) &&
      (search === undefined || org.name.toLowerCase().includes(search)),
  );
}

/** The organization (other than `self`) that holds this domain already, if any. */
function domainOwner(ctx: StoreContext, domain: string, self?: string): OrganizationDomainRecord | undefined {
  const wanted = domain.toLowerCase();
  for (const organization of ctx.state.organizations) {
    if (organization.id === self) continue;
    const found = organization.domains.find((candidate) => candidate.domain.toLowerCase() === wanted);
    if (found !== undefined) return found;
  }
  return undefined;
}

function checkExternalId(ctx: StoreContext, externalId: string | null | undefined, self?: string): void {
  if (externalId === undefined || externalId === null) return;
  if (ctx.state.organizations.some((org) => org.external_id === externalId && org.id !== self)) {
    throw new ApiError("external_id_already_used", "An organization with this external_id already exists.");
  }
}

function buildDomain(organizationId: string, input: DomainInput, now: string): OrganizationDomainRecord {
  return {
    object: "organization_domain",
    id: newId("org_domain"),
    organization_id: organizationId,
    domain: input.domain.toLowerCase(),
    state: input.state ?? "pending",
    verification_strategy: "manual",
    created_at: now,
    updated_at: now,
  };
}

/** `domain_data` replaces the domain list: kept domains keep their id, new ones are added. */
function replaceDomains(ctx: StoreContext, organization: OrganizationRecord, input: DomainInput[], now: string): void {
  for (const entry of input) {
    if (domainOwner(ctx, entry.domain, organization.id) !== undefined) {
      throw new ApiError("conflict", `The domain ${entry.domain.toLowerCase()} belongs to another organization.`);
    }
  }
  organization.domains = input.map((entry) => {
    const kept = organization.domains.find((domain) => domain.domain === entry.domain.toLowerCase());
    if (kept === undefined) return buildDomain(organization.id, entry, now);
    if (entry.state !== undefined && entry.state !== kept.state) Object.assign(kept, { state: entry.state, updated_at: now });
    return kept;
  });
}

/**
 * Adds an organization and saves. A domain another organization holds is a 409, as WorkOS answers.
 *
 * @example
 * const org = createOrganization(ctx, { name: "Initech", domain_data: [{ domain: "initech.test", state: "verified" }] });
 */
export function createOrganization(ctx: StoreContext, input: OrganizationInput & { name: string }): OrganizationRecord {
  checkExternalId(ctx, input.external_id);
  const now = isoNow(ctx);
  const organization: OrganizationRecord = {
    object: "organization",
    id: newId("org"),
    name: input.name,
    allow_profiles_outside_organization: input.allow_profiles_outside_organization ?? false,
    domains: [],
    external_id: input.external_id ?? null,
    metadata: applyMetadataChanges({}, input.metadata ?? {}),
    created_at: now,
    updated_at: now,
  };
  replaceDomains(ctx, organization, input.domain_data ?? [], now);
  insertRecord(ctx, "organizations", organization);
  return organization;
}

/** Applies the given fields (metadata merged key by key, `null` deletes, `{}` empties), bumps `updated_at`, saves. */
export function updateOrganization(ctx: StoreContext, organization: OrganizationRecord, input: OrganizationInput): OrganizationRecord {
  checkExternalId(ctx, input.external_id, organization.id);
  // Before any field changes: refused metadata leaves the organization as it was.
  const metadata = input.metadata === undefined ? organization.metadata : applyMetadataChanges(organization.metadata, input.metadata);
  const now = isoNow(ctx);
  if (input.domain_data !== undefined) replaceDomains(ctx, organization, input.domain_data, now);
  if (input.name !== undefined) organization.name = input.name;
  if (input.external_id !== undefined) organization.external_id = input.external_id;
  if (input.stripe_customer_id === null) delete organization.stripe_customer_id;
  else if (input.stripe_customer_id !== undefined) organization.stripe_customer_id = input.stripe_customer_id;
  organization.metadata = metadata;
  if (input.allow_profiles_outside_organization !== undefined) {
    organization.allow_profiles_outside_organization = input.allow_profiles_outside_organization;
  }
  organization.updated_at = now;
  ctx.save();
  return organization;
}

/**
 * Deletes the organization with what belongs to it: memberships, invitations, connections,
 * directories and their users and groups. Sessions stay (they belong to users).
 */
export function deleteOrganization(ctx: StoreContext, id: string): void {
  getOrganization(ctx, id);
  const { state } = ctx;
  removeWhere(state.organizations, (org) => org.id === id);
  removeWhere(state.memberships, (membership) => membership.organization_id === id);
  removeWhere(state.invitations, (invitation) => invitation.organization_id === id);
  removeWhere(state.connections, (connection) => connection.organization_id === id);
  removeWhere(state.directories, (directory) => directory.organization_id === id);
  removeWhere(state.directoryUsers, (user) => user.organization_id === id);
  removeWhere(state.directoryGroups, (group) => group.organization_id === id);
  ctx.save();
}

/** The domain with this id in any organization, or the 404 WorkOS answers. */
export function getOrganizationDomain(ctx: StoreContext, id: string): OrganizationDomainRecord {
  for (const organization of ctx.state.organizations) {
    const domain = organization.domains.find((candidate) => candidate.id === id);
    if (domain !== undefined) return domain;
  }
  throw ApiError.notFound("Organization domain", id);
}

/** `organizationDomains.create`: a pending, DNS-verified domain; a domain already held is a 409. */
export function createOrganizationDomain(ctx: StoreContext, organizationId: string, domain: string): OrganizationDomainRecord {
  const organization = getOrganization(ctx, organizationId);
  if (domainOwner(ctx, domain) !== undefined) {
    throw new ApiError("domain_already_exists", `The domain ${domain.toLowerCase()} already exists.`);
  }
  const record: OrganizationDomainRecord = {
    ...buildDomain(organization.id, { domain, state: "pending" }, isoNow(ctx)),
    verification_strategy: "dns",
    verification_token: newId("verification").slice("verification_".length),
    verification_prefix: "workos-verification",
  };
  organization.domains.push(record);
  ctx.save();
  return record;
}

/**
 * `organizationDomains.verify`. The emulator has no DNS to look at: it treats the TXT record as
 * published, so verification always succeeds; a verified domain is WorkOS's 400.
 */
export function verifyOrganizationDomain(ctx: StoreContext, id: string): OrganizationDomainRecord {
  const domain = getOrganizationDomain(ctx, id);
  if (domain.state === "verified" || domain.state === "legacy_verified") {
    throw new ApiError("domain_already_verified", `The domain ${domain.domain} is already verified.`);
  }
  Object.assign(domain, { state: "verified", updated_at: isoNow(ctx) });
  ctx.save();
  return domain;
}

export function deleteOrganizationDomain(ctx: StoreContext, id: string): void {
  const domain = getOrganizationDomain(ctx, id);
  const organization = getOrganization(ctx, domain.organization_id);
  removeWhere(organization.domains, (candidate) => candidate.id === id);
  ctx.save();
}
