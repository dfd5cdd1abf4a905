import type { EmulatorContext } from "../context.js";
import type { AuthorizationHandoff } from "../oauth/hosted-login.js";
import { BrowserBindings, browserBindingCookieName } from "./browser-binding.js";
import { PendingAuthorizationStore } from "./pending-authorizations.js";

/** What every login step shares: the authorization server's handoff and the sign-ins in progress. */
export interface LoginRuntime {
  ctx: EmulatorContext;
  handoff: AuthorizationHandoff;
  /** In memory on purpose: a sign-in in progress does not survive a restart. */
  pending: PendingAuthorizationStore;
  /** Issues and recognises the browser-binding cookie; its key lives as long as the pending sign-ins. */
  bindings: BrowserBindings;
}

export function createLoginRuntime(handoff: AuthorizationHandoff): LoginRuntime {
  const { ctx } = handoff;
  // The issuer is the emulator's own origin; its port is the one the browser uses.
  const issuer = new URL(ctx.issuer);
  const port = issuer.port || (issuer.protocol === "https:" ? "443" : "80");
  return { ctx, handoff, pending: new PendingAuthorizationStore(() => ctx.now()), bindings: new BrowserBindings(browserBindingCookieName(port)) };
}
