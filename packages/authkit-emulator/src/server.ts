import express, { type Express, type Router } from "express";
import { createAdminRouter } from "./admin/index.js";
import { API_PATH_PREFIXES, createApiRouter } from "./api/index.js";
import type { EmulatorContext } from "./context.js";
import { dateHeader } from "./http/date-header.js";
import { createErrorHandler } from "./http/error-handler.js";
import { enforceRateLimits } from "./http/rate-limits/index.js";
import { requestId } from "./http/request-id.js";
import { requireServedHost } from "./http/require-served-host.js";
import { routeNotFound } from "./http/route-not-found.js";
import type { EmulatorStore } from "./store/create-store.js";

/** Bodies here are small JSON documents and forms; anything bigger is a mistake or abuse. */
const BODY_LIMIT = "256kb";

/**
 * Assemble the whole emulator: OAuth surface and login UI (root paths, from `src/oauth`), the
 * WorkOS REST API, the admin API, then JSON 404 and the single error handler. Built once the
 * issuer is known, so routers may precompute documents that embed it.
 *
 * @example
 * const app = createEmulatorApp(ctx, store, createOAuthRouter(ctx, createHostedLogin));
 */
export function createEmulatorApp(ctx: EmulatorContext, store: EmulatorStore, oauthRouter: Router): Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(requestId);
  app.use(requireServedHost(ctx.servedHosts));
  app.use(dateHeader(ctx));
  // The OAuth router parses its own bodies with tighter limits per endpoint, so it goes first
  // and these parsers only see requests it did not answer.
  app.use(oauthRouter);
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT }));
  if (ctx.rateLimits !== false) app.use(API_PATH_PREFIXES, enforceRateLimits(ctx, ctx.rateLimits));
  app.use(createApiRouter(ctx));
  app.use(createAdminRouter(ctx, store));
  app.use(routeNotFound);
  app.use(createErrorHandler(ctx.logger));
  return app;
}
