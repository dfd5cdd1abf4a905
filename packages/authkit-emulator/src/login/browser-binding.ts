import { createHmac, randomBytes } from "node:crypto";
import type { Request, Response } from "express";
import { constantTimeEqual } from "../http/constant-time-equal.js";

export const BROWSER_BINDING_COOKIE = "authkit_emulator_browser";

/** Reads one cookie without a cookie-parser dependency. */
function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return undefined;
}

/**
 * The browser's binding value, set as an HttpOnly, SameSite=Lax cookie. Pending sign-ins are
 * bound to it so a victim cannot be made to finish a sign-in an attacker started (login CSRF,
 * RFC 6749 §10.12). Only values this emulator issued count: each carries an HMAC under a
 * per-process key, and any other value (say one a page on another localhost port planted, since
 * cookies ignore ports) is replaced by a fresh one.
 *
 * @example
 * const bindings = new BrowserBindings();
 * const binding = bindings.ensure(req, res);
 */
export class BrowserBindings {
  private readonly key = randomBytes(32);

  /** The request's binding if this emulator issued it, else undefined. */
  read(req: Request): string | undefined {
    const value = readCookie(req, BROWSER_BINDING_COOKIE);
    const [nonce, mac, extra] = (value ?? "").split(".");
    if (!nonce || !mac || extra !== undefined || !constantTimeEqual(mac, this.mac(nonce))) return undefined;
    return value;
  }

  /** The request's issued binding, or a fresh one set on the response. */
  ensure(req: Request, res: Response): string {
    const existing = this.read(req);
    if (existing) return existing;
    const nonce = randomBytes(24).toString("base64url");
    const binding = `${nonce}.${this.mac(nonce)}`;
    res.cookie(BROWSER_BINDING_COOKIE, binding, { httpOnly: true, sameSite: "lax", path: "/" });
    return binding;
  }

  private mac(nonce: string): string {
    return createHmac("sha256", this.key).update(nonce).digest("base64url");
  }
}
