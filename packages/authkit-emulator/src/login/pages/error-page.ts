import { html } from "../html.js";
import { layout } from "./layout.js";

/**
 * Shown instead of redirecting when the client or redirect URI cannot be trusted
 * (RFC 6749 §4.1.2.1), and when a sign-in has expired.
 */
export function errorPage(input: { title: string; code?: string; description: string }): string {
  return layout(
    input.title,
    html`<h1>${input.title}</h1>
<p class="error" role="alert">${input.description}</p>
${input.code ? html`<p class="muted">Error code: <code>${input.code}</code></p>` : ""}
<p class="muted">Return to the application and start signing in again.</p>`,
  );
}
