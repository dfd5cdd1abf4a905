import { workosCloudflare } from "@xmcp-dev/workos/web";

/**
 * Built once per isolate and imported by both `middleware.ts` and `worker.ts`. With no WORKOS_*
 * variables set, the Worker runs against the local AuthKit emulator; set them (wrangler secrets
 * and vars, read through `process.env` under `nodejs_compat`) to run against your WorkOS environment.
 */
const emulator = process.env.WORKOS_API_KEY === undefined;
const emulatorURL = process.env.EMULATOR_URL ?? "http://127.0.0.1:4455";

export const workos = workosCloudflare({
  apiKey: process.env.WORKOS_API_KEY ?? "sk_test_emulator_development_only_key",
  clientId: process.env.WORKOS_CLIENT_ID ?? "client_01EMULATOR00000000000000",
  authkitDomain: process.env.WORKOS_AUTHKIT_DOMAIN ?? emulatorURL,
  baseURL: process.env.BASE_URL ?? "http://127.0.0.1:8787",
  ...(emulator ? { apiURL: emulatorURL } : {}),
  docsURL: process.env.WORKOS_DOCS_URL,
  scopesSupported: ["openid", "profile", "email", "offline_access"],
});
