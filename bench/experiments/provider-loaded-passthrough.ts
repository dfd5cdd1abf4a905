// `npm run bench:processes -- --against bench/experiments/provider-loaded-passthrough.ts`
// The other part of what a server with the provider pays on every request, apart from the
// requests themselves: the provider created as the example creates it (its modules loaded: jose,
// the WorkOS SDK, OpenTelemetry's API; its start-up fetches of AuthKit's keys and metadata), but
// never on a request's path. No `req.auth`, no AsyncLocalStorage, no token.
import { workosProvider } from "@xmcp-dev/workos";

const emulatorURL = process.env.EMULATOR_URL ?? "http://127.0.0.1:4455";

// Created for its side effects, as a module-scope provider is; a bundler keeps the call.
workosProvider({
  apiKey: "sk_test_emulator_development_only_key",
  clientId: "client_01EMULATOR00000000000000",
  authkitDomain: emulatorURL,
  baseURL: process.env.BASE_URL ?? "http://127.0.0.1:3001",
  apiURL: emulatorURL,
});

export default function providerLoadedPassThrough(_req: unknown, _res: unknown, next: () => void) {
  next();
}
