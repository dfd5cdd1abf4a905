import { Router } from "express";
import type { EmulatorContext } from "../context.js";
import { sendHtml } from "../login/send-html.js";
import { listOutbox } from "../store/outbox.js";
import { renderOutboxPage } from "./outbox-page.js";

/**
 * GET /_emulator/outbox: the magic-code emails the login UI "sent". A browser gets the HTML
 * page; a client asking for `application/json` (tests, scripts) gets `{ object: "list", data }`.
 * The page shows live sign-in codes, so it gets the login pages' headers: no framing by another
 * site, no sniffing, no referrer, no cache.
 */
export function adminOutboxRouter(ctx: EmulatorContext): Router {
  const router = Router();

  router.get("/_emulator/outbox", (req, res) => {
    res.setHeader("Vary", "Accept");
    res.setHeader("Cache-Control", "no-store");
    if (req.accepts(["html", "json"]) === "json") {
      res.json({ object: "list", data: listOutbox(ctx) });
      return;
    }
    sendHtml(res, 200, renderOutboxPage(listOutbox(ctx)));
  });

  return router;
}
