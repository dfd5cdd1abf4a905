import type { ToolMetadata } from "xmcp";
import { getClient, requireOrganization } from "@xmcp-dev/workos";

export const metadata: ToolMetadata = {
  name: "get-organization",
  description: "Details of the organization this session is signed in to",
  annotations: { readOnlyHint: true },
};

export default async function getOrganization() {
  const organization = await getClient().organizations.getOrganization(requireOrganization());
  return JSON.stringify(
    { id: organization.id, name: organization.name, domains: organization.domains.map((d) => d.domain) },
    null,
    2,
  );
}
