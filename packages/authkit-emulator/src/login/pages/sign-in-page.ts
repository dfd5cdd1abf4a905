import { html } from "../html.js";
import { errorMessage, layout, pendingField } from "./layout.js";

export interface SignInPageInput {
  pendingId: string;
  clientName: string;
  /** Where the code will go once signed in, shown whole (see the consent page). */
  redirectUri: string;
  email?: string;
  error?: string;
}

/**
 * Email + password, with "email me a code" as the alternative. An email at an SSO domain is
 * sent to its identity provider whichever button is used, as AuthKit does.
 */
export function signInPage(input: SignInPageInput): string {
  return layout(
    "Sign in",
    html`<h1>Sign in</h1>
<p class="muted">to continue to <strong>${input.clientName}</strong>, which receives the sign-in at <code class="uri">${input.redirectUri}</code></p>
${errorMessage(input.error)}
<form method="post" action="/login/password" novalidate>
${pendingField(input.pendingId)}
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required autofocus value="${input.email ?? ""}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password">
<button type="submit">Sign in</button>
<p class="divider">or</p>
<button type="submit" class="secondary" formaction="/login/magic-code">Email me a sign-in code</button>
</form>
<p class="muted" style="margin-top:1rem">Seeded accounts use the password <code>dev-password</code>. Sent codes appear in the emulator outbox.</p>`,
  );
}
