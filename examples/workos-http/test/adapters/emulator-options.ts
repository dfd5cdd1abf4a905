import type { WorkOSConfig } from "@xmcp-dev/workos";

/** The provider options of the example's `src/middleware.ts` against the local emulator, for the adapter servers. */
export function emulatorOptions(env: NodeJS.ProcessEnv): WorkOSConfig {
  const emulatorURL = env.EMULATOR_URL ?? "http://127.0.0.1:4455";
  return {
    apiKey: "sk_test_emulator_development_only_key",
    clientId: "client_01EMULATOR00000000000000",
    authkitDomain: emulatorURL,
    apiURL: emulatorURL,
    baseURL: env.BASE_URL ?? "http://127.0.0.1:3001",
    scopesSupported: ["openid", "profile", "email", "offline_access"],
  };
}
