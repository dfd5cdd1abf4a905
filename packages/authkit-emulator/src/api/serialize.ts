import { groupsOf } from "../store/directories.js";
import { roleSlugsOf } from "../store/memberships.js";
import { findOrganization } from "../store/organizations.js";
import { sessionExpiresAt, sessionStatus } from "../store/sessions.js";
import type { StoreContext } from "../store/store-context.js";
import type {
  AuditLogExportRecord,
  AuditLogSchemaRecord,
  DirectoryGroupRecord,
  DirectoryUserRecord,
  MembershipRecord,
  RoleRecord,
  SessionRecord,
  UserRecord,
} from "../store/types.js";
import { findUser } from "../store/users.js";

/**
 * Records are stored in WorkOS wire shape; these functions only remove what WorkOS never
 * returns (passwords, internal links) and add what it derives (membership `organization_name`
 * and `user`, directory user `groups`, session `status`). Field lists follow the `*Response`
 * interfaces of `@workos-inc/node` 11 and `@workos/openapi-spec`; `test/conformance` holds them.
 */

export type UserResponse = Omit<UserRecord, "password">;

export function serializeUser(user: UserRecord): UserResponse {
  const { password: _password, ...wire } = user;
  return wire;
}

export interface MembershipResponse extends MembershipRecord {
  roles: { slug: string }[];
  organization_name: string | null;
  directory_managed: boolean;
  custom_attributes: Record<string, unknown>;
  /** `@workos/openapi-spec` `UserlandUserOrganizationMembership.user`: the member, embedded. */
  user: UserResponse | null;
}

export function serializeMembership(ctx: StoreContext, membership: MembershipRecord): MembershipResponse {
  const user = findUser(ctx, membership.user_id);
  return {
    ...membership,
    roles: roleSlugsOf(membership).map((slug) => ({ slug })),
    organization_name: findOrganization(ctx, membership.organization_id)?.name ?? null,
    directory_managed: false,
    custom_attributes: {},
    user: user === undefined ? null : serializeUser(user),
  };
}

export type DirectoryUserResponse = Omit<DirectoryUserRecord, "group_ids"> & { groups: DirectoryGroupRecord[] };

export function serializeDirectoryUser(ctx: StoreContext, user: DirectoryUserRecord): DirectoryUserResponse {
  const { group_ids: _groupIds, ...wire } = user;
  return { ...wire, groups: groupsOf(ctx, user) };
}

/** `@workos-inc/node` `SessionResponse`; `organization_id` is absent (not null) without one. */
export interface SessionResponse {
  object: "session";
  id: string;
  user_id: string;
  organization_id?: string;
  ip_address: string | null;
  user_agent: string | null;
  auth_method: string;
  status: "active" | "expired" | "revoked";
  expires_at: string;
  ended_at: string | null;
  created_at: string;
  updated_at: string;
}

export function serializeSession(ctx: StoreContext, session: SessionRecord): SessionResponse {
  const endedAt = session.ended_at ?? null;
  return {
    object: "session",
    id: session.id,
    user_id: session.user_id,
    ...(session.organization_id === null ? {} : { organization_id: session.organization_id }),
    ip_address: session.ip_address ?? null,
    user_agent: session.user_agent ?? null,
    auth_method: session.auth_method ?? "unknown",
    status: sessionStatus(ctx, session),
    expires_at: sessionExpiresAt(session),
    ended_at: endedAt,
    created_at: session.created_at,
    updated_at: endedAt ?? session.created_at,
  };
}

/** `@workos-inc/node` `EnvironmentRoleResponse` / `OrganizationRoleResponse`. */
export function serializeRole(role: RoleRecord) {
  return {
    object: "role" as const,
    id: role.id,
    name: role.name,
    slug: role.slug,
    description: role.description,
    permissions: role.permissions,
    resource_type_slug: "organization",
    type: "EnvironmentRole" as const,
    created_at: role.created_at,
    updated_at: role.updated_at,
  };
}

export function serializeAuditLogExport(record: AuditLogExportRecord) {
  const { organization_id: _org, range_start: _start, range_end: _end, ...wire } = record;
  return wire;
}

export function serializeAuditLogSchema(record: AuditLogSchemaRecord) {
  const { id: _id, action: _action, ...wire } = record;
  return wire;
}
