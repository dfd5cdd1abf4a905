import type { Logger } from "../logger.js";

export interface AudienceBinding {
  /** The `aud` values a token may carry right now. */
  accepted(): string[];
  /** Whether a token with this `aud`, verified earlier (a cached session), is still acceptable. */
  stillAccepts(aud: unknown): boolean;
  /** Called once per newly verified token: makes an unbound token visible, once per provider. */
  noteVerified(aud: unknown): void;
  /** Turns client-id tokens away from now on. */
  bind(): void;
}

/**
 * Which `aud` this server accepts. A token AuthKit issued for this resource (RFC 8707) names it
 * in `aud`; one issued without a resource indicator names the environment's client id, and is
 * therefore valid at every MCP server of the environment. The latter is accepted unless
 * `strictAudience` is set, or until {@link AudienceBinding.bind} finds out that the environment
 * does bind this resource (then no legitimate client needs the unbound form).
 *
 * While unbound tokens are accepted by default, the first one accepted is logged, once, without
 * the token: the operator learns that audience binding is off. An explicit `strictAudience:
 * false` is a decision already made, and stays quiet.
 */
export function createAudienceBinding(options: {
  resourceAudiences: readonly string[];
  clientId: string;
  strictAudience: boolean | undefined;
  resource: string;
  logger: Logger;
}): AudienceBinding {
  const bound = [...options.resourceAudiences];
  const unbound = [...new Set([...bound, options.clientId])];
  let strict = options.strictAudience === true;
  let warned = options.strictAudience === false;

  const namesResource = (aud: unknown) =>
    typeof aud === "string" ? bound.includes(aud) : Array.isArray(aud) && aud.some((value) => bound.includes(value as string));

  return {
    accepted: () => (strict ? bound : unbound),
    stillAccepts: (aud) => !strict || namesResource(aud),
    noteVerified(aud) {
      if (strict || warned || namesResource(aud)) return;
      warned = true;
      options.logger.warn(
        "[WorkOS] Accepted a token whose aud is the environment client id, not this server's resource: every MCP server of this WorkOS environment accepts such a token. Add the resource as an MCP resource indicator (WorkOS Dashboard → Connect → Configuration) or set strictAudience: true.",
        { resource: options.resource },
      );
    },
    bind() {
      strict = true;
    },
  };
}

/** Attempts at listing the resource indicators, and the wait between them. */
const detectionAttempts = 3;
const detectionRetryMs = 30_000;

/**
 * Binds the audience when one of `resourceAudiences` is a configured MCP resource indicator of
 * the environment. Runs in the background after the provider is created: requests never wait for
 * it, and a failure (the API unreachable, a key without access) leaves the default in place and
 * is logged. Until it has an answer, client-id tokens stay accepted.
 */
export function detectAudienceBinding(options: {
  binding: AudienceBinding;
  listResourceIndicators: () => Promise<string[]>;
  resourceAudiences: readonly string[];
  resource: string;
  logger: Logger;
}): Promise<void> {
  const { logger, resource } = options;
  const attempt = async (remaining: number): Promise<void> => {
    let uris: string[];
    try {
      uris = await options.listResourceIndicators();
    } catch (error) {
      const status = (error as { status?: unknown } | null)?.status;
      const reason = typeof status === "number" ? `HTTP ${status}` : error instanceof Error ? error.name : "unknown";
      if (remaining > 1) {
        await new Promise((resolve) => setTimeout(resolve, detectionRetryMs).unref());
        return attempt(remaining - 1);
      }
      logger.warn("[WorkOS] Could not list the environment's MCP resource indicators; tokens whose aud is the client id stay accepted (set strictAudience to decide)", { reason });
      return;
    }
    if (uris.some((uri) => options.resourceAudiences.includes(uri))) {
      options.binding.bind();
      logger.info("[WorkOS] This server's resource is an MCP resource indicator of the environment: tokens whose aud is the client id are refused", { resource });
    } else {
      logger.debug("[WorkOS] This server's resource is not an MCP resource indicator of the environment: tokens whose aud is the client id stay accepted", { resource });
    }
  };
  return attempt(detectionAttempts);
}
