import { randomBytes } from "node:crypto";
import type { Request, Response } from "express";

export const BROWSER_BINDING_COOKIE = "authkit_emulator_browser";

/** Reads one cookie without a cookie-parser dependency. */
export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return undefined;
}

/**
 * The browser's binding value, set once as an HttpOnly, SameSite=Lax cookie. Pending sign-ins
 * are bound to it so a victim cannot be made to finish a sign-in an attacker started
 * (login CSRF, RFC 6749 §10.12).
 *
 * @example
 * const binding = ensureBrowserBinding(req, res);
 */
export function ensureBrowserBinding(req: Request, res: Response): string {
  const existing = readCookie(req, BROWSER_BINDING_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{32,}$/.test(existing)) return existing;
  const binding = randomBytes(24).toString("base64url");
  res.cookie(BROWSER_BINDING_COOKIE, binding, { httpOnly: true, sameSite: "lax", path: "/" });
  return binding;
}
