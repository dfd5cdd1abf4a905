import express, { type Router } from "express";
import type { EmulatorContext } from "../context.js";
import { authorizationHandoff } from "./authorization-handoff.js";
import { authorizeEndpoint } from "./authorize-endpoint.js";
import type { HostedLoginFactory } from "./hosted-login.js";
import { introspectionEndpoint } from "./introspection-endpoint.js";
import { jwksEndpoint } from "./jwks-endpoint.js";
import { authorizationServerMetadataEndpoint, openIdConfigurationEndpoint } from "./metadata-endpoints.js";
import { oauthErrorHandler } from "./oauth-error-handler.js";
import { createOAuthRuntime } from "./oauth-runtime.js";
import { openCors } from "./open-cors.js";
import { registerEndpoint, whenDynamicRegistrationEnabled } from "./register-endpoint.js";
import { tokenEndpoint } from "./token-endpoint.js";
import { userinfoEndpoint } from "./userinfo-endpoint.js";

export { OAuthError, type OAuthErrorCode } from "./oauth-error.js";
export { verifyAccessToken, type ActiveAccessToken } from "./verify-access-token.js";

/**
 * AuthKit's MCP OAuth surface and hosted login, mounted at the root of the emulator app:
 * well-known metadata, /oauth2/{authorize,token,register,jwks,userinfo,introspection}
 * (AuthKit documents no RFC 7009 revocation endpoint: a grant ends with its session),
 * /sso/jwks/:clientId, and the hosted login that `createLogin` builds (mounted at /login/...).
 *
 * @example
 * app.use(createOAuthRouter(ctx, createHostedLogin));
 */
export function createOAuthRouter(ctx: EmulatorContext, createLogin: HostedLoginFactory): Router {
  const runtime = createOAuthRuntime(ctx);
  const login = createLogin(authorizationHandoff(runtime));
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: "16kb" });
  const json = express.json({ limit: "16kb" });

  router.use(["/.well-known/oauth-authorization-server", "/.well-known/openid-configuration", "/oauth2/jwks", "/sso/jwks", "/oauth2/token", "/oauth2/register"], openCors);
  router.get("/.well-known/oauth-authorization-server", authorizationServerMetadataEndpoint(ctx));
  router.get("/.well-known/openid-configuration", openIdConfigurationEndpoint(ctx));
  router.get("/oauth2/jwks", jwksEndpoint(ctx));
  router.get("/sso/jwks/:clientId", jwksEndpoint(ctx));

  router.get("/oauth2/authorize", authorizeEndpoint(runtime, login));
  router.post("/oauth2/register", whenDynamicRegistrationEnabled(ctx), json, registerEndpoint(runtime));
  router.post("/oauth2/token", form, tokenEndpoint(runtime));
  router.get("/oauth2/userinfo", userinfoEndpoint(runtime));
  router.post("/oauth2/userinfo", form, userinfoEndpoint(runtime));
  router.post("/oauth2/introspection", form, introspectionEndpoint(runtime));

  router.use(login.router);
  router.use(["/oauth2", "/.well-known", "/sso/jwks"], oauthErrorHandler(ctx.logger));
  return router;
}
