import type { Request, RequestHandler } from "express";
import { constantTimeEqual } from "../http/constant-time-equal.js";
import { isCrossSiteRequest } from "../http/cross-site-request.js";
import { OAuthError } from "./oauth-error.js";
import type { OAuthRuntime } from "./oauth-runtime.js";
import { findRefreshToken, REFRESH_TOKEN_TTL_SECONDS } from "./refresh-tokens.js";
import { optionalParam, requiredParam } from "./request-params.js";
import { verifyAccessToken, type ActiveAccessToken } from "./verify-access-token.js";
import { findSession } from "../store/sessions.js";

/**
 * AuthKit's introspection reference: the endpoint "is authenticated by provid[ing] the WorkOS
 * Application's client ID and client secret in the body of the request", and by nothing else. So
 * neither the API key, nor HTTP Basic, nor a public client's bare `client_id` is accepted here:
 * code that introspected that way against the emulator would be refused by AuthKit, and a public
 * client id alone would let any registered client read any token's user and organization
 * (RFC 7662 §2.1 and §4: the caller must be authorized, against token scanning).
 */
async function authorizeCaller(runtime: OAuthRuntime, req: Request): Promise<void> {
  if (req.headers.authorization !== undefined) {
    throw new OAuthError("invalid_client", "Send the application's client_id and client_secret in the request body: introspection takes no Authorization header.");
  }
  const clientId = optionalParam(req.body, "client_id");
  const secret = optionalParam(req.body, "client_secret");
  if (!clientId || !secret) throw new OAuthError("invalid_client", "Introspection requires the application's client_id and client_secret in the request body.");
  // A URL client id names a metadata document: a public client, with no secret to check (and no document to fetch for it).
  if (URL.canParse(clientId)) throw new OAuthError("invalid_client", "Client authentication failed.");
  const client = await runtime.clients.resolve(clientId, { crossSite: isCrossSiteRequest(req.headers, runtime.ctx.servedHosts) });
  if (client.client_secret === undefined || !constantTimeEqual(secret, client.client_secret)) {
    throw new OAuthError("invalid_client", "Client authentication failed.");
  }
}

/**
 * The fields AuthKit's introspection reference lists, and only those: `active`, `token_type`
 * (`access_token` | `refresh_token`), `client_id`, `iss`, `sub`, `iat`, and `org_id` when the user
 * picked an organization; `sid`, `jti` and `exp` for access tokens only.
 */
async function introspect(runtime: OAuthRuntime, token: string): Promise<Record<string, unknown>> {
  const { ctx } = runtime;
  const refresh = findRefreshToken(ctx, token);
  if (refresh) {
    const session = findSession(ctx, refresh.session_id);
    if (refresh.used || refresh.expires_at <= ctx.now() || !session || session.revoked) return { active: false };
    return {
      active: true,
      token_type: "refresh_token",
      client_id: refresh.client_id,
      iss: ctx.issuer,
      sub: session.user_id,
      iat: refresh.expires_at - REFRESH_TOKEN_TTL_SECONDS,
      ...(session.organization_id ? { org_id: session.organization_id } : {}),
    };
  }
  let claims: ActiveAccessToken;
  try {
    claims = await verifyAccessToken(runtime, token);
  } catch (error) {
    if (error instanceof OAuthError) return { active: false };
    throw error;
  }
  return {
    active: true,
    token_type: "access_token",
    client_id: claims.client_id,
    iss: claims.iss,
    sub: claims.sub,
    iat: claims.iat,
    sid: claims.sid,
    jti: claims.jti,
    ...(typeof claims.org_id === "string" ? { org_id: claims.org_id } : {}),
    exp: claims.exp,
  };
}

/** POST /oauth2/introspection (RFC 7662): `active` plus the documented fields, or just `active: false`. */
export function introspectionEndpoint(runtime: OAuthRuntime): RequestHandler {
  return async (req, res) => {
    await authorizeCaller(runtime, req);
    res.set("Cache-Control", "no-store").json(await introspect(runtime, requiredParam(req.body, "token")));
  };
}
