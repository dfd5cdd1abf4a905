import type { Response } from "express";

/**
 * Sends a login page with headers that keep it from being framed (clickjacking the consent
 * button), cached, or leaking the pending id through Referer. `form-action` is left out on
 * purpose: Chromium applies it to the redirect after consent, which would block custom-scheme
 * redirect URIs such as `cursor://`.
 */
export function sendHtml(res: Response, status: number, page: string): void {
  res
    .status(status)
    .set({
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "no-referrer",
      "X-Content-Type-Options": "nosniff",
    })
    .send(page);
}
