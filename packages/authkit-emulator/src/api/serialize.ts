import type {
  DirectoryGroupRecord,
  DirectoryUserRecord,
  EmulatorState,
  MembershipRecord,
  UserRecord,
} from "../store/types.js";

/**
 * Records are stored in WorkOS wire shape; these functions only remove what WorkOS never
 * returns (passwords, internal links) and add what it derives (membership `organization_name`,
 * directory user `groups`). Everything else goes out as stored.
 */

export type UserResponse = Omit<UserRecord, "password">;

export function serializeUser(user: UserRecord): UserResponse {
  const { password: _password, ...wire } = user;
  return wire;
}

export interface MembershipResponse extends MembershipRecord {
  organization_name: string | null;
  directory_managed: boolean;
  custom_attributes: Record<string, unknown>;
}

export function serializeMembership(state: EmulatorState, membership: MembershipRecord): MembershipResponse {
  const organization = state.organizations.find((org) => org.id === membership.organization_id);
  return {
    ...membership,
    roles: membership.roles ?? [membership.role],
    organization_name: organization?.name ?? null,
    directory_managed: false,
    custom_attributes: {},
  };
}

export type DirectoryUserResponse = Omit<DirectoryUserRecord, "group_ids"> & { groups: DirectoryGroupRecord[] };

export function serializeDirectoryUser(state: EmulatorState, user: DirectoryUserRecord): DirectoryUserResponse {
  const { group_ids: groupIds, ...wire } = user;
  const groups = state.directoryGroups.filter((group) => groupIds.includes(group.id));
  return { ...wire, groups };
}
