import type { EmulatorContext } from "../context.js";
import { AuthorizationCodeStore } from "./authorization-codes.js";
import { ClientRegistry } from "./client-registry.js";

/**
 * What the OAuth routes share, built once per router: the context plus the in-memory stores that
 * are deliberately not persisted (codes, revoked access-token ids).
 */
export interface OAuthRuntime {
  ctx: EmulatorContext;
  clients: ClientRegistry;
  codes: AuthorizationCodeStore;
  /** jti → exp of access tokens revoked via RFC 7009; forgotten once they expire anyway. */
  revokedAccessTokens: Map<string, number>;
}

export function createOAuthRuntime(ctx: EmulatorContext): OAuthRuntime {
  const now = () => ctx.now();
  return {
    ctx,
    clients: new ClientRegistry(ctx),
    codes: new AuthorizationCodeStore(now),
    revokedAccessTokens: new Map(),
  };
}
