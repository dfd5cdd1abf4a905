import type { ToolMetadata } from "xmcp";
import { getClient, requireOrganization } from "@xmcp-dev/workos";

export const metadata: ToolMetadata = {
  name: "list-sso-connections",
  description: "Single sign-on connections configured for the organization",
  annotations: { readOnlyHint: true },
};

export default async function listSsoConnections() {
  const organizationId = requireOrganization();
  const connections = await getClient().sso.listConnections({ organizationId });
  return JSON.stringify(
    connections.data.map((c) => ({ id: c.id, name: c.name, type: c.type, state: c.state })),
    null,
    2,
  );
}
