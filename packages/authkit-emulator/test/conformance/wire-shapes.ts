import { arrayOf, literal, nested, oneOf, optional, required, type Shape } from "./check-shape.js";

/**
 * The WorkOS wire shapes the emulator must send, field by field. Written from three references
 * nobody here wrote, and never from the emulator's code:
 *   SDK   = the `*Response` interfaces of the installed `@workos-inc/node` 11 (lib/*.d.mts)
 *   SPEC  = the component schemas of `@workos/openapi-spec` (open-api-spec.yaml)
 *   FIX   = the JSON fixtures of the workos/workos-node repository (src/**\/fixtures/*.json)
 * A field is required when either reference requires it (code written against either must work),
 * and may take every type either reference allows. A field neither lists fails the check.
 */

/** SDK `UserResponse` (name, locale required, nullable); SPEC `UserlandUser` (external_id required); FIX user.json. */
export const USER: Shape = {
  object: literal("user"),
  id: required("string"),
  email: required("string"),
  email_verified: required("boolean"),
  profile_picture_url: required("string", "null"),
  name: required("string", "null"),
  first_name: required("string", "null"),
  last_name: required("string", "null"),
  last_sign_in_at: required("string", "null"),
  locale: required("string", "null"),
  external_id: required("string", "null"),
  metadata: optional("object"),
  created_at: required("string"),
  updated_at: required("string"),
};

/**
 * SDK `OrganizationDomainResponse` (organization_id, created_at, updated_at required);
 * SPEC `OrganizationDomainStandAlone`; FIX get-organization-domain-verified.json sends
 * `verification_token: null`, so it may be null.
 */
export const ORGANIZATION_DOMAIN: Shape = {
  object: literal("organization_domain"),
  id: required("string"),
  organization_id: required("string"),
  domain: required("string"),
  state: oneOf(["failed", "legacy_verified", "pending", "unverified", "verified"]),
  verification_token: optional("string", "null"),
  verification_strategy: oneOf(["dns", "manual"]),
  verification_prefix: optional("string"),
  created_at: required("string"),
  updated_at: required("string"),
};

/** SDK `OrganizationResponse`; SPEC `Organization` (metadata and external_id required). */
export const ORGANIZATION: Shape = {
  object: literal("organization"),
  id: required("string"),
  name: required("string"),
  allow_profiles_outside_organization: required("boolean"),
  domains: arrayOf(ORGANIZATION_DOMAIN),
  stripe_customer_id: optional("string"),
  external_id: required("string", "null"),
  metadata: required("object"),
  created_at: required("string"),
  updated_at: required("string"),
};

/** SDK `RoleResponse` / SPEC `SlimRole`. */
const SLIM_ROLE: Shape = { slug: required("string") };

/**
 * SDK `OrganizationMembershipResponse` (organization_name required); SPEC
 * `UserlandUserOrganizationMembership` (directory_managed and the embedded `user` required);
 * FIX organization-membership.json.
 */
export const MEMBERSHIP: Shape = {
  object: literal("organization_membership"),
  id: required("string"),
  user_id: required("string"),
  organization_id: required("string"),
  organization_name: required("string"),
  status: oneOf(["active", "inactive", "pending"]),
  directory_managed: required("boolean"),
  custom_attributes: optional("object"),
  role: nested(SLIM_ROLE),
  roles: arrayOf(SLIM_ROLE, "optional"),
  user: nested(USER),
  created_at: required("string"),
  updated_at: required("string"),
};

/** SDK `SessionResponse`; SPEC session list item (`GET /user_management/users/{id}/sessions`); FIX list-sessions.json. */
export const SESSION: Shape = {
  object: literal("session"),
  id: required("string"),
  user_id: required("string"),
  ip_address: required("string", "null"),
  user_agent: required("string", "null"),
  organization_id: optional("string"),
  impersonator: optional("object"),
  auth_method: oneOf([
    "cross_app_auth",
    "external_auth",
    "impersonation",
    "magic_code",
    "migrated_session",
    "oauth",
    "passkey",
    "password",
    "sso",
    "unknown",
  ]),
  status: oneOf(["active", "expired", "revoked"]),
  expires_at: required("string"),
  ended_at: required("string", "null"),
  created_at: required("string"),
  updated_at: required("string"),
};

/** SDK `InvitationResponse`; SPEC `UserlandUserInvite`; FIX invitation.json. */
export const INVITATION: Shape = {
  object: literal("invitation"),
  id: required("string"),
  email: required("string"),
  state: oneOf(["pending", "accepted", "expired", "revoked"]),
  accepted_at: required("string", "null"),
  revoked_at: required("string", "null"),
  expires_at: required("string"),
  organization_id: required("string", "null"),
  inviter_user_id: required("string", "null"),
  accepted_user_id: required("string", "null"),
  role_slug: required("string", "null"),
  token: required("string"),
  accept_invitation_url: required("string"),
  created_at: required("string"),
  updated_at: required("string"),
};

/**
 * SDK `DirectoryResponse` (external_key and domain required, `state` is `DirectoryStateResponse`:
 * linked/unlinked/..., which the SDK maps to active/inactive); SPEC `Directory`.
 */
export const DIRECTORY: Shape = {
  object: literal("directory"),
  id: required("string"),
  domain: required("string"),
  external_key: required("string"),
  name: required("string"),
  organization_id: required("string"),
  state: oneOf(["linked", "unlinked", "validating", "invalid_credentials", "deleting"]),
  type: required("string"),
  metadata: optional("object"),
  created_at: required("string"),
  updated_at: required("string"),
};

/** SDK `DirectoryGroupResponse` (raw_attributes); SPEC `DirectoryGroup` (`object` required). */
export const DIRECTORY_GROUP: Shape = {
  object: literal("directory_group"),
  id: required("string"),
  idp_id: required("string"),
  directory_id: required("string"),
  organization_id: required("string", "null"),
  name: required("string"),
  raw_attributes: required("object"),
  created_at: required("string"),
  updated_at: required("string"),
};

/** SDK `DirectoryUserWithGroupsResponse`; SPEC `DirectoryUserWithGroups` (name, emails, job_title, username optional). */
export const DIRECTORY_USER: Shape = {
  object: literal("directory_user"),
  id: required("string"),
  directory_id: required("string"),
  organization_id: required("string", "null"),
  idp_id: required("string"),
  email: required("string", "null"),
  first_name: required("string", "null"),
  last_name: required("string", "null"),
  name: optional("string", "null"),
  emails: optional("array"),
  job_title: optional("string", "null"),
  username: optional("string", "null"),
  state: oneOf(["active", "suspended", "inactive"]),
  raw_attributes: required("object"),
  custom_attributes: required("object"),
  role: nested(SLIM_ROLE, "optional"),
  roles: arrayOf(SLIM_ROLE, "optional"),
  groups: arrayOf(DIRECTORY_GROUP),
  created_at: required("string"),
  updated_at: required("string"),
};

/** SDK `ConnectionResponse` / `ConnectionDomain`; SPEC `Connection` (`status` linked/unlinked required). */
export const CONNECTION: Shape = {
  object: literal("connection"),
  id: required("string"),
  organization_id: optional("string"),
  name: required("string"),
  connection_type: required("string"),
  state: oneOf(["requires_type", "draft", "active", "validating", "inactive", "deleting"]),
  status: oneOf(["linked", "unlinked"]),
  domains: arrayOf({ object: literal("connection_domain"), id: required("string"), domain: required("string") }),
  options: optional("object"),
  created_at: required("string"),
  updated_at: required("string"),
};

/** SDK `EnvironmentRoleResponse` / `OrganizationRoleResponse`; SPEC `Role`; FIX environment-role.json. */
export const ROLE: Shape = {
  object: literal("role"),
  id: required("string"),
  name: required("string"),
  slug: required("string"),
  description: required("string", "null"),
  permissions: arrayOf("string"),
  resource_type_slug: required("string"),
  type: oneOf(["EnvironmentRole", "OrganizationRole"]),
  created_at: required("string"),
  updated_at: required("string"),
};

/** SDK `PermissionResponse`; SPEC `AuthorizationPermission`; FIX permission.json. */
export const PERMISSION: Shape = {
  object: literal("permission"),
  id: required("string"),
  slug: required("string"),
  name: required("string"),
  description: required("string", "null"),
  resource_type_slug: required("string"),
  system: required("boolean"),
  created_at: required("string"),
  updated_at: required("string"),
};

/** SDK `AuditLogExportResponse`; SPEC `AuditLogExportJson` (url may be null). */
export const AUDIT_LOG_EXPORT: Shape = {
  object: literal("audit_log_export"),
  id: required("string"),
  state: oneOf(["pending", "ready", "error"]),
  url: optional("string", "null"),
  created_at: required("string"),
  updated_at: required("string"),
};

/** SDK `AuditLogSchemaResponse`; SPEC `AuditLogSchemaJson`. */
export const AUDIT_LOG_SCHEMA: Shape = {
  object: literal("audit_log_schema"),
  version: required("number"),
  actor: optional("object"),
  targets: arrayOf({ type: required("string"), metadata: optional("object") }),
  metadata: optional("object"),
  created_at: required("string"),
};

/** The MCP resource indicator object (WorkOS API reference "MCP resource indicator"). */
export const AUTHKIT_OAUTH_RESOURCE: Shape = {
  object: literal("authkit_oauth_resource"),
  id: required("string"),
  uri: required("string"),
  default: required("boolean"),
  created_at: required("string"),
  updated_at: required("string"),
};

/** SPEC `AuditLogEventCreateResponse` (`POST /audit_logs/events` answers 200 with it). */
export const AUDIT_LOG_EVENT_CREATED: Shape = { success: literal(true) };

/** SDK `AuthorizationCheckResult`; SPEC `AuthorizationCheck`. */
export const AUTHORIZATION_CHECK: Shape = { authorized: required("boolean") };

/** SPEC `GET /user_management/users/{id}/identities` items; FIX identity.json. */
export const IDENTITY: Shape = {
  idp_id: required("string"),
  type: literal("OAuth"),
  provider: required("string"),
};

/** SDK `ListResponse<T>`; SPEC `*List` schemas (both cursors required, nullable). */
export function list(item: Shape): Shape {
  return {
    object: literal("list"),
    data: arrayOf(item),
    list_metadata: nested({ before: required("string", "null"), after: required("string", "null") }),
  };
}

/** SDK `EnvironmentRoleListResponse` / `ListOrganizationRolesResponse`; SPEC `RoleList`: no cursors. */
export const ROLE_LIST: Shape = { object: literal("list"), data: arrayOf(ROLE) };

/** FIX widgets/fixtures/get-token-error.json: `{ message, code: "entity_not_found", entity_id }`. */
export const NOT_FOUND_ERROR: Shape = {
  code: literal("entity_not_found"),
  message: required("string"),
  entity_id: required("string"),
};

/** SPEC 422 bodies: `{ code: "invalid_request_parameters", message, errors: [{ field, code }] }`. */
export const VALIDATION_ERROR: Shape = {
  code: literal("invalid_request_parameters"),
  message: required("string"),
  errors: arrayOf({ field: required("string"), code: required("string") }),
};

/** SPEC 400/409 bodies with a literal code: `{ code, message }`. */
export function codedError(code: string): Shape {
  return { code: literal(code), message: required("string") };
}
