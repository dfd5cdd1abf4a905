/**
 * The emulator's state. Entities the WorkOS REST API returns are kept in their wire shape
 * (snake_case, `object` discriminator) so the API layer serialises them without mapping;
 * fields that WorkOS never returns (password hashes, OAuth internals) live beside them and
 * are stripped by the serialisers in `src/api/serialize.ts`.
 *
 * The whole state is one JSON-serialisable value: `--data file.json` writes it as is.
 */

import type { EnvironmentSettings } from "../environment/environment-settings.js";

export type { AuthKitOAuthResourceRecord, EnvironmentSettings } from "../environment/environment-settings.js";

export interface UserRecord {
  object: "user";
  id: string; // user_...
  email: string;
  first_name: string | null;
  last_name: string | null;
  email_verified: boolean;
  profile_picture_url: string | null;
  last_sign_in_at: string | null;
  external_id: string | null;
  metadata: Record<string, string>;
  /** Full name; data files written before it existed get first and last name joined on load. */
  name: string | null;
  locale: string | null;
  created_at: string;
  updated_at: string;
  /** Plain text: this is a development emulator; never exposed by the API. */
  password?: string;
}

export interface OrganizationDomainRecord {
  object: "organization_domain";
  id: string;
  organization_id: string;
  domain: string;
  state: "failed" | "legacy_verified" | "pending" | "unverified" | "verified";
  verification_strategy: "dns" | "manual";
  /** Only for `dns` domains: the TXT record value WorkOS asks the customer to publish. */
  verification_token?: string;
  verification_prefix?: string;
  created_at: string;
  updated_at: string;
}

export interface OrganizationRecord {
  object: "organization";
  id: string; // org_...
  name: string;
  allow_profiles_outside_organization: boolean;
  domains: OrganizationDomainRecord[];
  external_id: string | null;
  metadata: Record<string, string>;
  stripe_customer_id?: string;
  created_at: string;
  updated_at: string;
}

/** An environment role; `id` and timestamps are filled on load when a seed leaves them out. */
export interface RoleRecord {
  id: string; // role_...
  slug: string;
  name: string;
  description: string | null;
  permissions: string[];
  created_at: string;
  updated_at: string;
}

export interface MembershipRecord {
  object: "organization_membership";
  id: string; // om_...
  user_id: string;
  organization_id: string;
  role: { slug: string };
  roles?: { slug: string }[];
  status: "active" | "inactive" | "pending";
  created_at: string;
  updated_at: string;
}

export interface ConnectionRecord {
  object: "connection";
  id: string; // conn_...
  organization_id: string;
  connection_type: string; // e.g. "OktaSAML", "GoogleOAuth"
  name: string;
  state: "draft" | "active" | "inactive" | "validating";
  /** `linked` while the identity provider is connected. */
  status: "linked" | "unlinked";
  domains: { object: "connection_domain"; id: string; domain: string }[];
  created_at: string;
  updated_at: string;
}

export interface DirectoryRecord {
  object: "directory";
  id: string; // directory_...
  organization_id: string;
  domain: string;
  /** Identifies the directory in its SCIM base URL. */
  external_key: string;
  name: string;
  type: string; // e.g. "okta scim v2.0"
  /** The API's values; the SDK maps `linked` to `active` and `unlinked` to `inactive`. */
  state: "linked" | "unlinked" | "validating" | "invalid_credentials" | "deleting";
  created_at: string;
  updated_at: string;
}

export interface DirectoryUserRecord {
  object: "directory_user";
  id: string; // directory_user_...
  directory_id: string;
  organization_id: string;
  idp_id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  state: "active" | "inactive";
  custom_attributes: Record<string, unknown>;
  raw_attributes: Record<string, unknown>;
  role?: { slug: string };
  group_ids: string[];
  created_at: string;
  updated_at: string;
}

export interface DirectoryGroupRecord {
  object: "directory_group";
  id: string; // directory_group_...
  idp_id: string;
  directory_id: string;
  organization_id: string;
  name: string;
  raw_attributes: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

export interface InvitationRecord {
  object: "invitation";
  id: string; // invitation_...
  email: string;
  state: "pending" | "accepted" | "expired" | "revoked";
  accepted_at: string | null;
  revoked_at: string | null;
  expires_at: string;
  organization_id: string | null;
  inviter_user_id: string | null;
  accepted_user_id: string | null;
  role_slug: string | null;
  token: string;
  accept_invitation_url: string;
  created_at: string;
  updated_at: string;
}

export interface AuditLogExportRecord {
  object: "audit_log_export";
  id: string; // audit_log_export_...
  state: "pending" | "ready" | "error";
  /** Where the CSV is served; the emulator serves none, so a ready export has no URL. */
  url: string | null;
  organization_id: string;
  range_start: string;
  range_end: string;
  created_at: string;
  updated_at: string;
}

/** A JSON-schema-like `{ type: "object", properties }` as the audit log schema API exchanges it. */
export interface AuditLogMetadataSchema {
  type: "object";
  properties: Record<string, { type: "string" | "boolean" | "number" }>;
}

export interface AuditLogSchemaRecord {
  object: "audit_log_schema";
  id: string;
  action: string;
  version: number;
  actor?: { metadata: AuditLogMetadataSchema };
  targets: { type: string; metadata?: AuditLogMetadataSchema }[];
  metadata?: AuditLogMetadataSchema;
  created_at: string;
}

export interface AuditEventRecord {
  id: string;
  organization_id: string;
  idempotency_key: string | null;
  event: Record<string, unknown>;
  received_at: string;
}

/** JWT template: which optional claims the access token carries (AuthKit adds them only via a template). */
export interface JwtTemplate {
  role: boolean;
  roles: boolean;
  permissions: boolean;
  entitlements: boolean;
}

export interface OAuthClientRecord {
  client_id: string;
  client_secret?: string;
  client_name?: string;
  redirect_uris: string[];
  grant_types: string[];
  response_types: string[];
  token_endpoint_auth_method: "none" | "client_secret_post" | "client_secret_basic";
  scope?: string;
  client_uri?: string;
  logo_uri?: string;
  client_id_issued_at: number;
  /** "dcr" for RFC 7591 registrations, "cimd" for URL client ids resolved from a metadata document. */
  kind: "dcr" | "cimd";
}

/** One signed-in session (the `sid` claim), shared by the access and refresh tokens it mints. */
export interface SessionRecord {
  id: string; // session_...
  user_id: string;
  organization_id: string | null;
  client_id: string;
  created_at: string;
  revoked: boolean;
  /** How the user signed in, in the API's words; `unknown` for sessions recorded before it was kept. */
  auth_method?: "password" | "magic_code" | "sso" | "oauth" | "unknown";
  ip_address?: string | null;
  user_agent?: string | null;
  /** When the session was revoked; `null` while it is active. */
  ended_at?: string | null;
}

export interface RefreshTokenRecord {
  /** sha256 of the token, base64url; the token itself is never stored. */
  hash: string;
  session_id: string;
  client_id: string;
  scope: string;
  resource: string | null;
  /** Rotation chain: every token minted from one authorization code shares a family. */
  family: string;
  used: boolean;
  expires_at: number;
}

export interface SigningKeyRecord {
  kid: string;
  /** Private JWK (RS256). */
  privateJwk: Record<string, unknown>;
  publicJwk: Record<string, unknown>;
  created_at: number;
  /** Set when a newer key takes over; the key stays published until its tokens can no longer be valid. */
  retired_at: number | null;
}

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  code?: string;
  sent_at: string;
}

export interface EmulatorState {
  environment: EnvironmentSettings;
  jwtTemplate: JwtTemplate;
  users: UserRecord[];
  organizations: OrganizationRecord[];
  roles: RoleRecord[];
  memberships: MembershipRecord[];
  connections: ConnectionRecord[];
  directories: DirectoryRecord[];
  directoryUsers: DirectoryUserRecord[];
  directoryGroups: DirectoryGroupRecord[];
  invitations: InvitationRecord[];
  auditEvents: AuditEventRecord[];
  auditLogExports: AuditLogExportRecord[];
  auditLogSchemas: AuditLogSchemaRecord[];
  oauthClients: OAuthClientRecord[];
  sessions: SessionRecord[];
  refreshTokens: RefreshTokenRecord[];
  keys: SigningKeyRecord[];
  outbox: OutboxMessage[];
  /**
   * The client test tokens are issued to (see `testTokenClient`), kept by id: registration is
   * open to any web page, so a `client_name` proves nothing.
   */
  testTokenClientId?: string;
}
