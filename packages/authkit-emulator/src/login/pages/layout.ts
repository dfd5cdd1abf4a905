import { html, SafeHtml } from "../html.js";
import { LOGIN_STYLES } from "./styles.js";

/**
 * The page shell shared by every login screen: language, viewport, a title naming the step,
 * and a banner that says loudly this is the development emulator, not WorkOS.
 */
export function layout(title: string, body: SafeHtml, cardClass = "card"): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} · AuthKit emulator</title>
<style>${new SafeHtml(LOGIN_STYLES)}</style>
</head>
<body>
<div class="dev-banner" role="note">AuthKit emulator: for local development only. Not a WorkOS service.</div>
<main><div class="${cardClass}">
${body}
</div></main>
</body>
</html>`.value;
}

/** Hidden field tying every form to its pending authorization. */
export function pendingField(pendingId: string): SafeHtml {
  return html`<input type="hidden" name="authorization_id" value="${pendingId}">`;
}

/** An error message announced by screen readers when the page loads. */
export function errorMessage(message: string | undefined): SafeHtml | undefined {
  return message ? html`<p class="error" role="alert">${message}</p>` : undefined;
}
