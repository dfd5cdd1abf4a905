import type { EmulatorContext } from "../context.js";
import { resourceIndicators } from "../environment/resource-indicators.js";
import { ApiError } from "../http/api-error.js";
import { OAuthError } from "../oauth/oauth-error.js";
import { newId } from "../store/ids.js";
import { grantedScope } from "../oauth/scopes.js";
import { issueTokenResponse } from "../oauth/token-response.js";
import { membershipOf } from "../store/memberships.js";
import { findOrganization, listOrganizations } from "../store/organizations.js";
import { openSession } from "../store/sessions.js";
import { findUser, findUserByEmail, recordSignIn } from "../store/users.js";
import type { OrganizationRecord, UserRecord } from "../store/types.js";
import { testTokenClient } from "./test-token-client.js";

/** What a test asks for: "alice in Acme", with the scopes and audience of its choosing. */
export interface IssueAccessTokenInput {
  /** The user's email or id. */
  user: string;
  /** An organization id or exact name; the user must be an active member. Default: none (no `org_id`). */
  organization?: string;
  /** Default: `openid profile email offline_access`, what MCP clients ask AuthKit for. */
  scopes?: string[];
  /** RFC 8707 resource; must be one of the environment's MCP resource indicators. */
  resource?: string;
  /** Access-token lifetime; default the emulator's (`--access-token-ttl`). */
  ttlSeconds?: number;
  /** Extra claims for code that reads custom ones; the claims the flow itself sets cannot be replaced. */
  claims?: Record<string, unknown>;
  /** Issue to this registered client (its refresh token then works as that client). */
  clientId?: string;
}

export interface IssuedAccessToken {
  accessToken: string;
  /** Present when `offline_access` is among the scopes, as at the token endpoint. */
  refreshToken?: string;
  /** Present when `openid` is among the scopes. */
  idToken?: string;
  expiresAt: Date;
  /** The token's `sid`: revoke it through the WorkOS API (`userManagement.revokeSession`). */
  sessionId: string;
  clientId: string;
}

const DEFAULT_SCOPES = ["openid", "profile", "email", "offline_access"];
/** Set by the sign-in itself; a test changes them through the other inputs. */
const RESERVED_CLAIMS = new Set(["iss", "sub", "aud", "exp", "iat", "nbf", "jti", "sid", "client_id", "org_id", "scope"]);
const MAX_TTL_SECONDS = 24 * 3600;

/**
 * Issues the tokens the OAuth flow would have issued had this user signed in: a real session,
 * the same minting code, the JWT template's role and permissions, `aud` bound as the token
 * endpoint binds it. Refuses what the flow would refuse: an unknown user, an organization the
 * user is not a member of, a scope or resource the environment does not allow.
 *
 * @example
 * const { accessToken } = await issueAccessToken(ctx, { user: "alice@acme.test", organization: "Acme Corp" });
 */
export async function issueAccessToken(ctx: EmulatorContext, input: IssueAccessTokenInput): Promise<IssuedAccessToken> {
  if (input === null || typeof input !== "object") throw invalid("body", "required", "issueAccessToken() expects an object such as { user: \"alice@acme.test\" }");
  const user = resolveUser(ctx, input.user);
  const organization = input.organization === undefined ? null : resolveMembership(ctx, user, input.organization);
  const scope = resolveScope(input.scopes);
  const resource = resolveResource(ctx, input.resource);
  const lifetimeSeconds = resolveTtl(input.ttlSeconds, ctx.accessTokenTtl);
  const extraClaims = resolveClaims(input.claims);
  const client = testTokenClient(ctx, input.clientId);

  const session = openSession(ctx, {
    id: newId("session"),
    user_id: user.id,
    organization_id: organization?.id ?? null,
    client_id: client.client_id,
  });
  recordSignIn(ctx, user.id, session.created_at);

  const issuedAt = ctx.now();
  const response = await issueTokenResponse(
    ctx,
    { userId: user.id, organizationId: organization?.id ?? null, sessionId: session.id, clientId: client.client_id, scope, resource, lifetimeSeconds, extraClaims },
    { family: newId("family") },
  );
  return {
    accessToken: response.access_token,
    ...(response.refresh_token === undefined ? {} : { refreshToken: response.refresh_token }),
    ...(response.id_token === undefined ? {} : { idToken: response.id_token }),
    expiresAt: new Date((issuedAt + response.expires_in) * 1000),
    sessionId: session.id,
    clientId: client.client_id,
  };
}

function invalid(field: string, code: string, message: string): ApiError {
  return new ApiError("invalid_request_parameters", message, { errors: [{ field, code }] });
}

function resolveUser(ctx: EmulatorContext, user: unknown): UserRecord {
  if (typeof user !== "string" || user.trim() === "") throw invalid("user", "required", "user is required: an email or a user id");
  const found = user.includes("@") ? findUserByEmail(ctx, user) : findUser(ctx, user);
  if (!found) throw ApiError.notFound("User", user);
  return found;
}

function resolveMembership(ctx: EmulatorContext, user: UserRecord, wanted: unknown): OrganizationRecord {
  if (typeof wanted !== "string" || wanted === "") throw invalid("organization", "invalid", "organization must be an organization id or name");
  const organization = findOrganization(ctx, wanted) ?? listOrganizations(ctx, {}).find((candidate) => candidate.name === wanted);
  if (!organization) throw ApiError.notFound("Organization", wanted);
  if (membershipOf(ctx, user.id, organization.id)?.status !== "active") {
    throw invalid("organization", "not_a_member", `${user.email} is not an active member of ${organization.name}: AuthKit never issues a token for an organization the user does not belong to`);
  }
  return organization;
}

function resolveScope(scopes: unknown): string {
  if (scopes !== undefined && (!Array.isArray(scopes) || scopes.some((scope) => typeof scope !== "string" || /\s/.test(scope)))) {
    throw invalid("scopes", "invalid", "scopes must be an array of scope names");
  }
  try {
    return grantedScope(((scopes as string[] | undefined) ?? DEFAULT_SCOPES).join(" "), undefined).scope;
  } catch (error) {
    if (error instanceof OAuthError) throw invalid("scopes", "invalid_scope", error.message);
    throw error;
  }
}

function resolveResource(ctx: EmulatorContext, resource: unknown): string | null {
  if (resource === undefined) return null;
  if (typeof resource !== "string" || !resourceIndicators.findByUri(ctx, resource)) {
    const configured = resourceIndicators.list(ctx).map((record) => record.uri);
    throw invalid("resource", "invalid_target", `${String(resource)} is not an MCP resource indicator of this environment (configured: ${configured.join(", ") || "none"}); add it with --resource or POST /user_management/authkit_oauth_resources`);
  }
  return resource;
}

function resolveTtl(ttl: unknown, fallback: number): number {
  if (ttl === undefined) return fallback;
  if (typeof ttl !== "number" || !Number.isInteger(ttl) || ttl < 1 || ttl > MAX_TTL_SECONDS) {
    throw invalid("ttlSeconds", "invalid", `ttlSeconds must be a whole number of seconds from 1 to ${MAX_TTL_SECONDS}`);
  }
  return ttl;
}

function resolveClaims(claims: unknown): Record<string, unknown> | undefined {
  if (claims === undefined) return undefined;
  if (claims === null || typeof claims !== "object" || Array.isArray(claims)) throw invalid("claims", "invalid", "claims must be an object");
  const reserved = Object.keys(claims).find((name) => RESERVED_CLAIMS.has(name));
  if (reserved !== undefined) {
    throw invalid("claims", "reserved_claim", `claims.${reserved} is set by the sign-in itself; choose it through user, organization, scopes, resource or ttlSeconds`);
  }
  return { ...(claims as Record<string, unknown>) };
}
