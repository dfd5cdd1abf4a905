import type { ToolMetadata } from "xmcp";
import { getClient, requireOrganization } from "@xmcp-dev/workos";

export const metadata: ToolMetadata = {
  name: "get-directory",
  description: "Users and groups synced from the organization's identity provider directory (SCIM)",
  annotations: { readOnlyHint: true },
};

export default async function getDirectory() {
  const organizationId = requireOrganization();
  const workos = getClient();
  const directories = await workos.directorySync.listDirectories({ organizationId });
  const result = await Promise.all(
    directories.data.map(async (directory) => {
      const [users, groups] = await Promise.all([
        workos.directorySync.listUsers({ directory: directory.id }),
        workos.directorySync.listGroups({ directory: directory.id }),
      ]);
      return {
        directory: { id: directory.id, name: directory.name, type: directory.type },
        users: users.data.map((u) => ({ email: u.email, name: [u.firstName, u.lastName].filter(Boolean).join(" ") })),
        groups: groups.data.map((g) => g.name),
      };
    }),
  );
  return JSON.stringify({ organizationId, directories: result }, null, 2);
}
