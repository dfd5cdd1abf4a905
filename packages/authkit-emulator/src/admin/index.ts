import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import type { EmulatorStore } from "../store/create-store.js";
import { adminAuditEventsRouter } from "./audit-events.js";
import { adminKeysRouter } from "./keys.js";
import { adminMembershipsRouter } from "./memberships.js";
import { adminOrganizationsRouter } from "./organizations.js";
import { adminOutboxRouter } from "./outbox.js";
import { refuseCrossSiteWrites } from "./refuse-cross-site-writes.js";
import { adminResetRouter } from "./reset.js";
import { adminRolesRouter } from "./roles.js";
import { adminTokensRouter } from "./tokens.js";
import { adminUsersRouter } from "./users.js";

/**
 * `/_emulator/...`: test and developer tooling. Deliberately unauthenticated: the emulator
 * listens on loopback by default and exists only for local development, where anyone who can
 * reach it can already read its `--data` file. Never expose it on a shared network. Web pages
 * in the developer's browser are kept out by the Host check and by {@link refuseCrossSiteWrites}.
 *
 * @example
 * app.use(createAdminRouter(ctx, store));
 */
export function createAdminRouter(ctx: EmulatorContext, store: EmulatorStore): Router {
  const router = Router();
  router.use("/_emulator", refuseCrossSiteWrites(ctx.servedHosts));
  router.use(adminUsersRouter(ctx));
  router.use(adminOrganizationsRouter(ctx));
  router.use(adminMembershipsRouter(ctx));
  router.use(adminRolesRouter(ctx));
  router.use(adminOutboxRouter(ctx));
  router.use(adminAuditEventsRouter(ctx));
  router.use(adminResetRouter(store));
  router.use(adminKeysRouter(ctx));
  router.use(adminTokensRouter(ctx));
  return router;
}
