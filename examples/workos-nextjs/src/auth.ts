import { workosNextjs } from "@xmcp-dev/workos/web";

/**
 * Built once per server process and imported by the MCP route and the two `.well-known` routes.
 * With no WORKOS_* variables set, the app runs against the local AuthKit emulator; set them
 * (`.env.local`) to run the same code against your WorkOS environment.
 */
const emulator = process.env.WORKOS_API_KEY === undefined;
const emulatorURL = process.env.EMULATOR_URL ?? "http://127.0.0.1:4455";

export const workos = workosNextjs({
  apiKey: process.env.WORKOS_API_KEY ?? "sk_test_emulator_development_only_key",
  clientId: process.env.WORKOS_CLIENT_ID ?? "client_01EMULATOR00000000000000",
  authkitDomain: process.env.WORKOS_AUTHKIT_DOMAIN ?? emulatorURL,
  baseURL: process.env.BASE_URL ?? "http://127.0.0.1:3000",
  ...(emulator ? { apiURL: emulatorURL } : {}),
  docsURL: process.env.WORKOS_DOCS_URL,
  scopesSupported: ["openid", "profile", "email", "offline_access"],
});
