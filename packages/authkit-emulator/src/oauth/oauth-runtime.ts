import type { EmulatorContext } from "../context.js";
import { AuthorizationCodeStore } from "./authorization-codes.js";
import { ClientRegistry } from "./client-registry.js";

/**
 * What the OAuth routes share, built once per router: the context plus the in-memory stores that
 * are deliberately not persisted (codes).
 */
export interface OAuthRuntime {
  ctx: EmulatorContext;
  clients: ClientRegistry;
  codes: AuthorizationCodeStore;
}

export function createOAuthRuntime(ctx: EmulatorContext): OAuthRuntime {
  const now = () => ctx.now();
  return {
    ctx,
    clients: new ClientRegistry(ctx),
    codes: new AuthorizationCodeStore(now),
  };
}
