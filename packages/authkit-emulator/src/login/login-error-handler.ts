import type { ErrorRequestHandler } from "express";
import { errorPage } from "./pages/error-page.js";
import { sendHtml } from "./send-html.js";

/** What body-parser's rejections mean to a person who submitted a form. */
const FORM_ERROR_MESSAGES: Record<string, string> = {
  "parameters.too.many": "The form has too many fields.",
  "entity.too.large": "The form is too large.",
};

/** body-parser marks its rejections with a string `type` and a 4xx `status`. */
function isBodyParserRejection(error: unknown): error is { type: string; status: number } {
  const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
  return typeof type === "string" && typeof status === "number" && status >= 400 && status < 500;
}

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
    if (res.headersSent || !isBodyParserRejection(error)) {
      next(error);
      return;
    }
    const description = FORM_ERROR_MESSAGES[error.type] ?? "The form could not be read.";
    sendHtml(res, 400, errorPage({ title: "This form could not be submitted", code: "invalid_request", description }));
  };
}
