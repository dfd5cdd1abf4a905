import type { Request, RequestHandler } from "express";
import { readBearerCredential } from "../http/bearer-credential.js";
import { constantTimeEqual } from "../http/constant-time-equal.js";
import { authenticateClient } from "./client-authentication.js";
import { OAuthError } from "./oauth-error.js";
import type { OAuthRuntime } from "./oauth-runtime.js";
import { findRefreshToken, REFRESH_TOKEN_TTL_SECONDS } from "./refresh-tokens.js";
import { requiredParam } from "./request-params.js";
import { verifyAccessToken, type ActiveAccessToken } from "./verify-access-token.js";
import { findSession } from "../store/sessions.js";

/**
 * RFC 7662 §2.1 requires the caller to be authorized (against token scanning): a resource server
 * presents the environment's API key as a Bearer token, or a client authenticates as at /token.
 */
async function authorizeCaller(runtime: OAuthRuntime, req: Request): Promise<void> {
  // The same Bearer parsing as the REST API's API key check (case-insensitive scheme).
  const bearer = readBearerCredential(req.headers.authorization);
  if (bearer) {
    if (bearer.credential !== undefined && constantTimeEqual(bearer.credential, runtime.ctx.state.environment.api_key)) return;
    throw new OAuthError("invalid_client", "The API key is not valid.");
  }
  await authenticateClient(req, runtime.clients, runtime.ctx.servedHosts);
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
