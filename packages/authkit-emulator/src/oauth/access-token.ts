import { SignJWT } from "jose";
import type { EmulatorContext } from "../context.js";
import { resourceIndicators } from "../environment/resource-indicators.js";
import { ensureSigningKey, importSigningKey } from "../keys/index.js";
import { organizationClaims } from "./access-token-claims.js";
import { newId } from "../store/ids.js";

export interface AccessTokenSubject {
  userId: string;
  organizationId: string | null;
  sessionId: string;
  clientId: string;
  scope: string;
  /** RFC 8707 resource as the client sent it; `aud` only when it is a configured resource indicator. */
  resource: string | null;
  /** Default: the emulator's access-token lifetime. Test tokens may choose their own. */
  lifetimeSeconds?: number;
  /** Test tokens' additional claims; never one of the claims set here. */
  extraClaims?: Record<string, unknown>;
}

/**
 * Mints an AuthKit-shaped access token: an RS256 JWT with `kid` in the header and the claims
 * `iss sub aud client_id sid org_id scope jti iat exp`, plus the JWT-template claims.
 * `aud` is the requested resource when the environment configures it as an MCP resource
 * indicator (RFC 8707 §2.2), else the default indicator or the environment's client id.
 *
 * @example
 * const { accessToken, expiresIn } = await mintAccessToken(ctx, subject);
 */
export async function mintAccessToken(ctx: EmulatorContext, subject: AccessTokenSubject): Promise<{ accessToken: string; expiresIn: number }> {
  const key = await ensureSigningKey(ctx);
  const now = ctx.now();
  const lifetime = subject.lifetimeSeconds ?? ctx.accessTokenTtl;
  const claims: Record<string, unknown> = {
    ...subject.extraClaims,
    client_id: subject.clientId,
    sid: subject.sessionId,
    scope: subject.scope,
    ...(subject.organizationId ? { org_id: subject.organizationId } : {}),
    ...organizationClaims(ctx, subject.userId, subject.organizationId),
  };
  const accessToken = await new SignJWT(claims)
    .setProtectedHeader({ alg: "RS256", kid: key.kid, typ: "JWT" })
    .setIssuer(ctx.issuer)
    .setSubject(subject.userId)
    .setAudience(resourceIndicators.audienceFor(ctx, subject.resource))
    .setJti(newId("jti"))
    .setIssuedAt(now)
    .setExpirationTime(now + lifetime)
    .sign(await importSigningKey(key));
  return { accessToken, expiresIn: lifetime };
}
