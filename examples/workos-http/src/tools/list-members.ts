import type { ToolMetadata } from "xmcp";
import { getAccess, getClient } from "@xmcp-dev/workos";

export const metadata: ToolMetadata = {
  name: "list-members",
  description: "Every member of the organization with email and role. Admins only.",
  annotations: { readOnlyHint: true },
};

export default async function listMembers() {
  const access = await getAccess();
  access.requireRole("admin");
  const organizationId = access.requireOrganization();
  const workos = getClient();
  const memberships = await (await workos.userManagement.listOrganizationMemberships({ organizationId })).autoPagination();
  const members = await Promise.all(
    memberships.map(async (m) => {
      const user = await workos.userManagement.getUser(m.userId);
      return { userId: user.id, email: user.email, role: m.role.slug, status: m.status };
    }),
  );
  return JSON.stringify(members, null, 2);
}
