import type { Response } from "express";
import type { LoginRuntime } from "./login-runtime.js";
import type { PendingAuthorization } from "./pending-authorizations.js";
import { signInPage } from "./pages/sign-in-page.js";
import { sendHtml } from "./send-html.js";

/**
 * Sends the sign-in page for a pending authorization: always with the client's name and its full
 * redirect URI, so no step can show one without the other; `entered` refills the form after a
 * failed attempt.
 *
 * @example
 * showSignInPage(runtime, pending, res, 401, { email, error: "Incorrect email or password." });
 */
export function showSignInPage(
  runtime: LoginRuntime,
  pending: PendingAuthorization,
  res: Response,
  status: number,
  entered: { email?: string; error?: string } = {},
): void {
  sendHtml(res, status, signInPage({
    pendingId: pending.id,
    clientName: runtime.handoff.clientName(pending.request),
    redirectUri: pending.request.redirectUri,
    ...entered,
  }));
}
