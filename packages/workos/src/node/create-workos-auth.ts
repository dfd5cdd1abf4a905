import type { WorkOSConfig } from "../config/types.js";
import { buildWorkOSAuth, type WorkOSAuth } from "../core/workos-auth.js";
import { nodeJwtVerifier } from "../verify/node-jwt-verifier.js";

/**
 * {@link WorkOSAuth} for Node: the same core, verifying signatures with `node:crypto` (see
 * `verify/node-jwt-verifier.ts`). The Node entry points (`.`, `./express`, `./fastify`) export
 * it as `createWorkOSAuth`; `./web` keeps the WebCrypto one.
 *
 * @example
 * const auth = createWorkOSAuth({ apiKey, clientId, baseURL: "https://mcp.example.com", authkitDomain: "acme.authkit.app" });
 */
export function createWorkOSAuth(options: WorkOSConfig): WorkOSAuth {
  return buildWorkOSAuth(options, { verifier: nodeJwtVerifier });
}
