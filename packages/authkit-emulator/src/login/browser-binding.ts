import { createHmac, randomBytes } from "node:crypto";
import type { Request, Response } from "express";
import { constantTimeEqual } from "../http/constant-time-equal.js";

/**
 * The cookie's name for the emulator on `port`. Cookies ignore ports (RFC 6265 §8.5), so with one
 * name two emulators on one host (two projects, a test run beside `npm run dev`) overwrite each
 * other's binding and each other's sign-ins fail as "started in another browser".
 *
 * @example
 * browserBindingCookieName(4455); // "authkit_emulator_browser_4455"
 */
export function browserBindingCookieName(port: number | string): string {
  return `authkit_emulator_browser_${port}`;
}

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
 * const bindings = new BrowserBindings(browserBindingCookieName(4455));
 * const binding = bindings.ensure(req, res);
 */
export class BrowserBindings {
  private readonly key = randomBytes(32);

  constructor(private readonly cookieName: string) {}

  /** The request's binding if this emulator issued it, else undefined. */
  read(req: Request): string | undefined {
    const value = readCookie(req, this.cookieName);
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
    res.cookie(this.cookieName, binding, { httpOnly: true, sameSite: "lax", path: "/" });
    return binding;
  }

  private mac(nonce: string): string {
    return createHmac("sha256", this.key).update(nonce).digest("base64url");
  }
}
