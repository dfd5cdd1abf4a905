import { html } from "../html.js";
import { layout, pendingField } from "./layout.js";

export interface ConsentPageInput {
  pendingId: string;
  clientName: string;
  clientId: string;
  /**
   * Shown whole: a host alone is empty for `cursor:` or `microsoft-edge:https://...` URIs, and the
   * user must see where the code goes before allowing it (RFC 6749 §10.2, RFC 8252 §8.6).
   */
  redirectUri: string;
  email: string;
  organizationName: string | null;
  scopes: string[];
  resource: string | null;
}

const SCOPE_TEXT: Record<string, string> = {
  openid: "Confirm your identity",
  profile: "See your name",
  email: "See your email address",
  offline_access: "Stay signed in (refresh tokens)",
};

export function consentPage(input: ConsentPageInput): string {
  return layout(
    "Authorize access",
    html`<h1>Allow ${input.clientName} to access your account?</h1>
<p class="muted">Signed in as <strong>${input.email}</strong>${input.organizationName ? html` in <strong>${input.organizationName}</strong>` : ""}.</p>
<p>This app will be able to:</p>
<ul class="scopes">${input.scopes.map((scope) => html`<li>${SCOPE_TEXT[scope] ?? scope}</li>`)}</ul>
<dl>
<dt>Client</dt><dd>${input.clientId}</dd>
<dt>Returns to</dt><dd><code class="uri">${input.redirectUri}</code></dd>
${input.resource ? html`<dt>Resource</dt><dd>${input.resource}</dd>` : ""}
</dl>
<form method="post" action="/login/consent">
${pendingField(input.pendingId)}
<button type="submit" name="decision" value="allow" autofocus>Allow</button>
<button type="submit" name="decision" value="deny" class="danger">Deny</button>
</form>`,
  );
}
