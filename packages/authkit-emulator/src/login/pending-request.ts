import type { Request, Response } from "express";
import type { LoginRuntime } from "./login-runtime.js";
import type { PendingAuthorization } from "./pending-authorizations.js";
import { errorPage } from "./pages/error-page.js";
import { sendHtml } from "./send-html.js";

/**
 * The pending authorization a login request refers to (hidden field or query), checked against
 * the browser-binding cookie; renders the "expired" page and returns undefined otherwise.
 */
export function loadPending(runtime: LoginRuntime, req: Request, res: Response): PendingAuthorization | undefined {
  const id = (req.body as Record<string, unknown> | undefined)?.authorization_id ?? req.query.authorization_id;
  const pending = runtime.pending.find(id, runtime.bindings.read(req));
  if (!pending) {
    sendHtml(res, 400, errorPage({ title: "This sign-in has expired", description: "The sign-in request was not found, has expired, or was started in another browser." }));
  }
  return pending;
}

/** Post/redirect/get: after each step the browser reloads the page for the next one. */
export function redirectToCurrentStep(res: Response, pending: PendingAuthorization): void {
  res.redirect(303, `/login?authorization_id=${encodeURIComponent(pending.id)}`);
}

/** Reads a form field as a string ('' when absent or repeated). */
export function formField(req: Request, name: string): string {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === "string" ? value : "";
}

/** The browser a sign-in came from, as the session records it (`ip_address`, `user_agent`). */
export function signingInBrowser(req: Request): { ipAddress: string | null; userAgent: string | null } {
  return { ipAddress: req.ip ?? null, userAgent: req.get("user-agent") ?? null };
}
