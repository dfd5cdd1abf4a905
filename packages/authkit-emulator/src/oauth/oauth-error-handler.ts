import type { ErrorRequestHandler } from "express";
import type { EmulatorLogger } from "../context.js";
import { bodyRejection } from "../http/body-rejection.js";
import { OAuthError } from "./oauth-error.js";

/**
 * Turns errors from the JSON endpoints into RFC 6749 §5.2 bodies. `invalid_client` after HTTP
 * Basic and `invalid_token` carry the WWW-Authenticate challenge RFC 6749 §5.2 and RFC 6750 §3
 * ask for. Anything unexpected becomes a bare `server_error`; its detail goes to the log only.
 */
export function oauthErrorHandler(logger: EmulatorLogger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    let oauthError: OAuthError;
    if (error instanceof OAuthError) {
      oauthError = error;
    } else if (bodyRejection(error)) {
      // Mounted on /oauth2, so the path alone lacks the prefix.
      const code = `${req.baseUrl}${req.path}` === "/oauth2/register" ? "invalid_client_metadata" : "invalid_request";
      oauthError = new OAuthError(code, "The request body could not be parsed.");
    } else {
      logger.error(`OAuth endpoint ${req.method} ${req.path} failed: ${error instanceof Error ? error.message : String(error)}`);
      oauthError = new OAuthError("server_error", "The emulator hit an unexpected error.");
    }
    if (oauthError.code === "invalid_client" && req.headers.authorization?.startsWith("Basic ")) {
      res.set("WWW-Authenticate", 'Basic realm="authkit-emulator"');
    }
    if (oauthError.code === "invalid_token") {
      res.set("WWW-Authenticate", `Bearer error="invalid_token", error_description="${oauthError.description}"`);
    }
    res.status(oauthError.status).set("Cache-Control", "no-store").json(oauthError.toResponseObject());
  };
}
