import type { ErrorRequestHandler } from "express";
import { bodyRejection } from "../http/body-rejection.js";
import { errorPage } from "./pages/error-page.js";
import { sendHtml } from "./send-html.js";

/** What body-parser's rejections mean to a person who submitted a form. */
const FORM_ERROR_MESSAGES: Record<string, string> = {
  "parameters.too.many": "The form has too many fields.",
  "entity.too.large": "The form is too large.",
};

/**
 * A login form the body parser rejects (too many fields, too large, a bad charset) is the
 * browser's fault: the login pages are HTML, so it gets a 400 error page with a readable reason
 * instead of reaching the app-level JSON handler (where `parameters.too.many` was a 500).
 * Anything else is passed on unchanged.
 *
 * @example
 * router.use("/login", loginErrorHandler());
 */
export function loginErrorHandler(): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    const rejection = bodyRejection(error);
    if (res.headersSent || rejection === undefined) {
      next(error);
      return;
    }
    const description = FORM_ERROR_MESSAGES[rejection.type ?? ""] ?? "The form could not be read.";
    sendHtml(res, 400, errorPage({ title: "This form could not be submitted", code: "invalid_request", description }));
  };
}
