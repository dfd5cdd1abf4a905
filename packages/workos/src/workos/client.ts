import { WorkOS } from "@workos-inc/node";
import type { ResolvedConfig } from "../config/types.js";

/** The one WorkOS SDK client of a provider, pointed at `apiURL` when set (the local emulator). */
export function createWorkOSClient(config: ResolvedConfig): WorkOS {
  return new WorkOS(config.apiKey, {
    clientId: config.clientId,
    ...(config.api.hostname === undefined ? {} : { apiHostname: config.api.hostname }),
    ...(config.api.port === undefined ? {} : { port: config.api.port }),
    https: config.api.https,
    maxRetries: config.api.maxRetries,
  });
}
