import { workosProvider } from "@xmcp-dev/workos";

/**
 * With no WORKOS_* variables set, the server runs against the local AuthKit emulator
 * (`npm start` at the repository root starts both). Set the variables from `.env.example`
 * to run the same code against your WorkOS environment.
 */
const emulator = process.env.WORKOS_API_KEY === undefined;
const emulatorURL = process.env.EMULATOR_URL ?? "http://127.0.0.1:4455";

export default workosProvider({
  apiKey: process.env.WORKOS_API_KEY ?? "sk_test_emulator_development_only_key",
  clientId: process.env.WORKOS_CLIENT_ID ?? "client_01EMULATOR00000000000000",
  authkitDomain: process.env.WORKOS_AUTHKIT_DOMAIN ?? emulatorURL,
  baseURL: process.env.BASE_URL ?? "http://127.0.0.1:3001",
  ...(emulator ? { apiURL: emulatorURL } : {}),
  docsURL: process.env.WORKOS_DOCS_URL,
  scopesSupported: ["openid", "profile", "email", "offline_access"],
});
