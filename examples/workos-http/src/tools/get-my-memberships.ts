import type { ToolMetadata } from "xmcp";
import { getClient, getSession } from "@xmcp-dev/workos";

export const metadata: ToolMetadata = {
  name: "get-my-memberships",
  description: "The organizations the signed-in user belongs to, with their role in each",
  annotations: { readOnlyHint: true },
};

export default async function getMyMemberships() {
  const { userId } = getSession();
  const memberships = await getClient().userManagement.listOrganizationMemberships({ userId, statuses: ["active"] });
  return JSON.stringify(
    memberships.data.map((m) => ({ organizationId: m.organizationId, organizationName: m.organizationName, role: m.role.slug })),
    null,
    2,
  );
}
