import type { ToolMetadata } from "xmcp";
import { getAccess, getClient } from "@xmcp-dev/workos";

export const metadata: ToolMetadata = {
  name: "get-reports",
  description: "Membership report of the organization: members per role. Requires the reports:read permission.",
  annotations: { readOnlyHint: true },
};

export default async function getReports() {
  const access = await getAccess();
  access.requirePermission("reports:read");
  const organizationId = access.requireOrganization();
  const byRole: Record<string, number> = {};
  let total = 0;
  const memberships = await (
    await getClient().userManagement.listOrganizationMemberships({ organizationId, statuses: ["active"] })
  ).autoPagination();
  for (const membership of memberships) {
    byRole[membership.role.slug] = (byRole[membership.role.slug] ?? 0) + 1;
    total++;
  }
  return JSON.stringify({ organizationId, totalMembers: total, membersByRole: byRole }, null, 2);
}
