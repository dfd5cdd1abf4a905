import { WorkOS } from "@workos-inc/node";
import type { ResolvedConfig } from "../config/types.js";

/**
 * A WorkOS SDK client of a provider, pointed at `apiURL` when set (the local emulator). The
 * provider makes two: the one `getClient()` hands to tools (the SDK's own behaviour throughout),
 * and one for its caches whose `fetchFn` honours the API's rate limiting (`gatedFetch`).
 */
export function createWorkOSClient(config: ResolvedConfig, fetchFn?: typeof fetch): WorkOS {
  return new WorkOS(config.apiKey, {
    ...(fetchFn === undefined ? {} : { fetchFn }),
    clientId: config.clientId,
    ...(config.api.hostname === undefined ? {} : { apiHostname: config.api.hostname }),
    ...(config.api.port === undefined ? {} : { port: config.api.port }),
    https: config.api.https,
    maxRetries: config.api.maxRetries,
  });
}
