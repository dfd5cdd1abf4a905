import { Router } from "express";
import type { EmulatorStore } from "../store/create-store.js";

/** POST /_emulator/reset: every entity back to the seed (signing keys kept; see `createStore`). */
export function adminResetRouter(store: EmulatorStore): Router {
  const router = Router();

  router.post("/_emulator/reset", (_req, res) => {
    store.reset();
    res.json({ reset: true });
  });

  return router;
}
