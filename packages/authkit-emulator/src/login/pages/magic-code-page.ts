import { html } from "../html.js";
import { errorMessage, layout, pendingField } from "./layout.js";

export function magicCodePage(input: { pendingId: string; email: string; error?: string }): string {
  return layout(
    "Enter your code",
    html`<h1>Check your email</h1>
<p class="muted">We sent a 6-digit code to <strong>${input.email}</strong>. In the emulator it lands in the outbox (<a href="/_emulator/outbox">/_emulator/outbox</a>) and the server log.</p>
${errorMessage(input.error)}
<form method="post" action="/login/magic-code/verify">
${pendingField(input.pendingId)}
<label for="code">Sign-in code</label>
<input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required autofocus>
<button type="submit">Continue</button>
</form>
<form method="post" action="/login/restart">
${pendingField(input.pendingId)}
<button type="submit" class="secondary">Use a different email</button>
</form>`,
  );
}
