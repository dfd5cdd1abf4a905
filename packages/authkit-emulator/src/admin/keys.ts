import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { rotateSigningKey } from "../keys/index.js";

/**
 * POST /_emulator/keys/rotate: a new key signs from now on; the old one stays in the JWKS until
 * its tokens expire. Lets tests prove a resource server refetches the JWKS on an unknown `kid`.
 */
export function adminKeysRouter(ctx: EmulatorContext): Router {
  const router = Router();

  router.post("/_emulator/keys/rotate", async (_req, res) => {
    const rotation = await rotateSigningKey(ctx);
    res.json({ kid: rotation.kid, published_kids: rotation.publishedKids });
  });

  return router;
}
