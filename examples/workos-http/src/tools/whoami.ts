import type { ToolMetadata } from "xmcp";
import { getSession, getUser } from "@xmcp-dev/workos";

export const metadata: ToolMetadata = {
  name: "whoami",
  description: "Who is signed in: the WorkOS user, organization and role of this session",
  annotations: { readOnlyHint: true },
};

export default async function whoami() {
  const session = getSession();
  const user = await getUser();
  return JSON.stringify(
    {
      userId: user.id,
      email: user.email,
      name: [user.firstName, user.lastName].filter(Boolean).join(" ") || null,
      organizationId: session.organizationId ?? null,
      role: session.role ?? null,
      permissions: session.permissions ?? [],
      scopes: session.scopes,
      sessionId: session.sessionId ?? null,
      clientId: session.clientId ?? null,
      expiresAt: session.expiresAt.toISOString(),
    },
    null,
    2,
  );
}
