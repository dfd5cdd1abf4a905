import { GenericServerException, NotFoundException, UnprocessableEntityException } from "@workos-inc/node";
import { describe, expect, it } from "vitest";
import { SEED, useEmulatorWithSdk } from "./sdk-client.js";

const env = useEmulatorWithSdk();

describe("organizations", () => {
  it("getOrganization returns the seeded organization with its domains", async () => {
    const org = await env.workos.organizations.getOrganization(SEED.acme);
    expect(org).toMatchObject({
      object: "organization",
      id: SEED.acme,
      name: "Acme Corp",
      allowProfilesOutsideOrganization: false,
      externalId: null,
      metadata: {},
    });
    expect(org.domains.map((d) => [d.domain, d.state])).toEqual([["acme.test", "verified"]]);
  });

  it("listOrganizations lists all, filters by domains and pages", async () => {
    const all = await env.workos.organizations.listOrganizations();
    expect(all.data.map((o) => o.name).sort()).toEqual(["Acme Corp", "Globex"]);
    const globex = await env.workos.organizations.listOrganizations({ domains: ["globex.test"] });
    expect(globex.data.map((o) => o.id)).toEqual([SEED.globex]);
    const page = await env.workos.organizations.listOrganizations({ limit: 1, order: "asc" });
    expect(page.data.map((o) => o.id)).toEqual([SEED.acme]);
    expect(page.listMetadata).toEqual({ before: null, after: SEED.acme });
  });

  it("metadata {} deletes every key and a null value deletes one (docs authkit/metadata.mdx)", async () => {
    const org = await env.workos.organizations.createOrganization({ name: "Meta Probe", metadata: { a: "1", b: "2" } });
    const one = await env.workos.organizations.updateOrganization({
      organization: org.id,
      metadata: { a: null } as unknown as Record<string, string>,
    });
    expect(one.metadata).toEqual({ b: "2" });
    const cleared = await env.workos.organizations.updateOrganization({ organization: org.id, metadata: {} });
    expect(cleared.metadata).toEqual({});
    await env.workos.organizations.deleteOrganization(org.id);
  });

  it("metadata over the documented limits is the spec's 400 invalid_metadata, and changes nothing", async () => {
    const org = await env.workos.organizations.createOrganization({ name: "Limits Probe", metadata: { keep: "yes" } });
    const error = await env.workos.organizations
      .updateOrganization({ organization: org.id, name: "Renamed", metadata: { k: "v".repeat(601) } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GenericServerException);
    expect((error as GenericServerException).status).toBe(400);
    expect((error as GenericServerException).rawData).toEqual({ code: "invalid_metadata", message: expect.any(String) });
    expect(await env.workos.organizations.getOrganization(org.id)).toMatchObject({ name: "Limits Probe", metadata: { keep: "yes" } });
    const long = await env.workos.organizations
      .createOrganization({ name: "Ext Probe", externalId: "e".repeat(65) })
      .catch((e: unknown) => e);
    expect((long as UnprocessableEntityException).message).toContain("external_id_too_long");
    await env.workos.organizations.deleteOrganization(org.id);
  });

  it("accepts the deprecated domains: string[] (OrganizationDto) as pending domains; domain_data wins over it", async () => {
    const post = (path: string, method: string, body: unknown) =>
      fetch(`${env.emulator.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${env.emulator.apiKey}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      }).then(async (res) => ({ status: res.status, json: (await res.json()) as { id: string; domains: { domain: string; state: string }[] } }));
    const created = await post("/organizations", "POST", { name: "DomOrg", domains: ["DomOrg.test"] });
    expect(created.status).toBe(201);
    expect(created.json.domains.map((d) => [d.domain, d.state])).toEqual([["domorg.test", "pending"]]);
    const updated = await post(`/organizations/${created.json.id}`, "PUT", { domains: ["domorg.test", "domorg2.test"] });
    expect(updated.json.domains.map((d) => [d.domain, d.state])).toEqual([["domorg.test", "pending"], ["domorg2.test", "pending"]]);
    const both = await post(`/organizations/${created.json.id}`, "PUT", {
      domains: ["ignored.test"],
      domain_data: [{ domain: "domorg.test", state: "verified" }],
    });
    expect(both.json.domains.map((d) => [d.domain, d.state])).toEqual([["domorg.test", "verified"]]);
    expect((await post("/organizations", "POST", { name: "Bad", domains: ["not a domain"] })).status).toBe(422);
    await env.workos.organizations.deleteOrganization(created.json.id);
  });

  it("an unknown organization is a 404 entity_not_found", async () => {
    const error = await env.workos.organizations.getOrganization("org_missing").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundException);
    expect((error as NotFoundException).code).toBe("entity_not_found");
  });
});

describe("directorySync", () => {
  it("listDirectories filters by organization", async () => {
    const list = await env.workos.directorySync.listDirectories({ organizationId: SEED.globex });
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).toMatchObject({
      id: SEED.directory,
      organizationId: SEED.globex,
      name: "Globex Okta SCIM",
      domain: "globex.test",
      type: "okta scim v2.0",
      state: "active",
    });
    expect((await env.workos.directorySync.listDirectories({ organizationId: SEED.acme })).data).toEqual([]);
  });

  it("listUsers returns directory users with their groups, by directory and by group", async () => {
    const byDirectory = await env.workos.directorySync.listUsers({ directory: SEED.directory });
    expect(byDirectory.data.map((u) => u.email).sort()).toEqual([
      "carol@globex.test",
      "eve@globex.test",
      "frank@globex.test",
    ]);
    const carol = byDirectory.data.find((u) => u.id === SEED.carolDirectoryUser);
    expect(carol).toMatchObject({ firstName: "Carol", idpId: "okta-carol", customAttributes: { department: "Engineering" } });
    expect(carol?.groups.map((g) => g.name)).toEqual(["Engineering"]);

    const engineers = await env.workos.directorySync.listUsers({ group: SEED.engineering });
    expect(engineers.data.map((u) => u.firstName).sort()).toEqual(["Carol", "Frank"]);
  });

  it("listGroups by directory and by user", async () => {
    const groups = await env.workos.directorySync.listGroups({ directory: SEED.directory, order: "asc" });
    expect(groups.data.map((g) => g.name)).toEqual(["Engineering", "Sales"]);
    expect(groups.data[0]).toMatchObject({ idpId: "grp-eng", directoryId: SEED.directory, organizationId: SEED.globex });
    const carolGroups = await env.workos.directorySync.listGroups({ user: SEED.carolDirectoryUser });
    expect(carolGroups.data.map((g) => g.id)).toEqual([SEED.engineering]);
  });

  it("listing directory users or groups without a directory is a 422", async () => {
    await expect(env.workos.directorySync.listUsers({})).rejects.toBeInstanceOf(UnprocessableEntityException);
    await expect(env.workos.directorySync.listGroups({})).rejects.toBeInstanceOf(UnprocessableEntityException);
  });
});

describe("sso.listConnections", () => {
  it("lists the organization's SSO connection", async () => {
    const list = await env.workos.sso.listConnections({ organizationId: SEED.globex });
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).toMatchObject({
      object: "connection",
      id: SEED.connection,
      organizationId: SEED.globex,
      name: "Globex Okta",
      type: "OktaSAML",
      state: "active",
    });
    expect(list.data[0]?.domains.map((d) => d.domain)).toEqual(["globex.test"]);
    expect((await env.workos.sso.listConnections({ organizationId: SEED.acme })).data).toEqual([]);
    expect((await env.workos.sso.listConnections({ domain: "globex.test" })).data).toHaveLength(1);
  });
});
