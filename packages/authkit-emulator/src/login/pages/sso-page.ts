import { html } from "../html.js";
import { errorMessage, layout, pendingField } from "./layout.js";

export interface SsoPageInput {
  pendingId: string;
  connectionName: string;
  connectionType: string;
  organizationName: string;
  email: string;
  error?: string;
}

/** Stands in for the organization's identity provider (Okta, Entra ID...): no password, one button. */
export function ssoPage(input: SsoPageInput): string {
  return layout(
    `${input.connectionName} sign-in`,
    html`<span class="badge">Simulated identity provider</span>
<h1>${input.connectionName}</h1>
<p class="muted">${input.organizationName} signs in with single sign-on (${input.connectionType}). This page plays the identity provider's part.</p>
${errorMessage(input.error)}
<form method="post" action="/login/sso">
${pendingField(input.pendingId)}
<button type="submit" autofocus>Sign in as ${input.email}</button>
</form>
<form method="post" action="/login/restart">
${pendingField(input.pendingId)}
<button type="submit" class="secondary">Use a different email</button>
</form>`,
    "card idp",
  );
}
