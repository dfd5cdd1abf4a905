import type { ToolMetadata } from "xmcp";
import { getClient, requireOrganization, requirePermission } from "@xmcp-dev/workos";

export const metadata: ToolMetadata = {
  name: "get-reports",
  description: "Membership report of the organization: members per role. Requires the reports:read permission.",
  annotations: { readOnlyHint: true },
};

export default async function getReports() {
  await requirePermission("reports:read");
  const organizationId = requireOrganization();
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
