import { randomInt } from "node:crypto";
import type { RequestHandler } from "express";
import { constantTimeEqual } from "../http/constant-time-equal.js";
import type { LoginRuntime } from "./login-runtime.js";
import { beginIdentification, completeIdentification } from "./identification.js";
import { formField, loadPending, redirectToCurrentStep } from "./pending-request.js";
import { magicCodePage } from "./pages/magic-code-page.js";
import { sendHtml } from "./send-html.js";
import { showSignInPage } from "./show-sign-in-page.js";
import { ssoConnectionForEmail } from "../store/connections.js";
import { deliverToOutbox } from "../store/outbox.js";
import { findUserByEmail } from "../store/users.js";

/** AuthKit magic codes are 6 digits and expire after 10 minutes. */
export const MAGIC_CODE_TTL_SECONDS = 600;
const MAGIC_CODE_ATTEMPTS = 5;

/** POST /login/magic-code: "emails" a 6-digit code to the outbox and the dev log. */
export function sendMagicCode(runtime: LoginRuntime): RequestHandler {
  return (req, res) => {
    const pending = loadPending(runtime, req, res);
    if (!pending) return;
    const { ctx } = runtime;
    const email = formField(req, "email").trim();
    const connection = ssoConnectionForEmail(ctx, email);
    if (connection) {
      beginIdentification(pending, { kind: "sso", email: email.toLowerCase(), connectionId: connection.id });
      redirectToCurrentStep(res, pending);
      return;
    }
    beginIdentification(pending);
    const user = findUserByEmail(ctx, email);
    if (!user) {
      // A development emulator may say so plainly; real AuthKit would not reveal it.
      const error = "No user with this email exists in the emulator. Add one with the admin API or the seed.";
      showSignInPage(runtime, pending, res, 404, { email, error });
      return;
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    beginIdentification(pending, { kind: "magic-code", email: user.email, code, expiresAt: ctx.now() + MAGIC_CODE_TTL_SECONDS, attemptsLeft: MAGIC_CODE_ATTEMPTS });
    deliverToOutbox(ctx, {
      to: user.email,
      subject: "Your sign-in code",
      text: `Your sign-in code is ${code}. It expires in 10 minutes.`,
      code,
    });
    // The one secret the dev log may print: delivering it to the developer is the whole point.
    ctx.logger.info(`Magic code for ${user.email}: ${code} (development outbox: /_emulator/outbox)`);
    redirectToCurrentStep(res, pending);
  };
}

/** POST /login/magic-code/verify: limited attempts, then the code is void. */
export function verifyMagicCode(runtime: LoginRuntime): RequestHandler {
  return (req, res) => {
    const pending = loadPending(runtime, req, res);
    if (!pending) return;
    const challenge = pending.challenge;
    if (challenge?.kind !== "magic-code") {
      redirectToCurrentStep(res, pending);
      return;
    }
    const matches = constantTimeEqual(formField(req, "code").trim(), challenge.code);
    if (matches && challenge.expiresAt > runtime.ctx.now()) {
      const user = findUserByEmail(runtime.ctx, challenge.email);
      if (user) {
        completeIdentification(runtime.ctx, pending, { userId: user.id, authMethod: "magic_code" });
        redirectToCurrentStep(res, pending);
        return;
      }
    }
    challenge.attemptsLeft -= 1;
    if (challenge.attemptsLeft <= 0 || challenge.expiresAt <= runtime.ctx.now()) {
      pending.challenge = undefined;
      const error = "That code has expired or was entered wrongly too many times. Request a new one.";
      showSignInPage(runtime, pending, res, 400, { email: challenge.email, error });
      return;
    }
    sendHtml(res, 400, magicCodePage({ pendingId: pending.id, email: challenge.email, error: "That code is not correct." }));
  };
}

/** POST /login/restart: back to the email form ("use a different email"). */
export function restartSignIn(runtime: LoginRuntime): RequestHandler {
  return (req, res) => {
    const pending = loadPending(runtime, req, res);
    if (!pending) return;
    beginIdentification(pending);
    redirectToCurrentStep(res, pending);
  };
}
