import type { ConnectionRecord, EmulatorState, MembershipRecord, UserRecord } from "../store/types.js";

export function findUserByEmail(state: EmulatorState, email: string): UserRecord | undefined {
  const wanted = email.trim().toLowerCase();
  return state.users.find((user) => user.email.toLowerCase() === wanted);
}

export function activeMemberships(state: EmulatorState, userId: string): MembershipRecord[] {
  return state.memberships.filter((membership) => membership.user_id === userId && membership.status === "active");
}

/**
 * The active SSO connection covering an email's domain: listed on the connection itself, or a
 * verified domain of the organization that owns the connection.
 */
export function ssoConnectionForEmail(state: EmulatorState, email: string): ConnectionRecord | undefined {
  const domain = email.trim().toLowerCase().split("@")[1];
  if (!domain) return undefined;
  return state.connections.find((connection) => {
    if (connection.state !== "active") return false;
    if (connection.domains.some((entry) => entry.domain.toLowerCase() === domain)) return true;
    const organization = state.organizations.find((candidate) => candidate.id === connection.organization_id);
    return organization?.domains.some((entry) => entry.state === "verified" && entry.domain.toLowerCase() === domain) ?? false;
  });
}
