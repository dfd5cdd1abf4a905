import { completeAuthorization, denyAuthorization } from "./authorization-completion.js";
import { clientDisplayName } from "./client-registry.js";
import type { AuthorizationHandoff } from "./hosted-login.js";
import type { OAuthRuntime } from "./oauth-runtime.js";
import { isNativeAppRedirect } from "./redirect-uri-policy.js";

/** The authorization server's side of the hosted-login interface. */
export function authorizationHandoff(runtime: OAuthRuntime): AuthorizationHandoff {
  return {
    ctx: runtime.ctx,
    clientName: (request) => clientDisplayName(request.client),
    isNativeApp: (request) => isNativeAppRedirect(request.redirectUri),
    complete: (request, user) => completeAuthorization(runtime, request, user),
    deny: (request) => denyAuthorization(request),
  };
}
