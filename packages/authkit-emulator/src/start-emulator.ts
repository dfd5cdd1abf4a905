import type { Server } from "node:http";
import type { EmulatorContext, EmulatorOptions } from "./context.js";
import { EmulatorStartupError } from "./emulator-startup-error.js";
import { resolveEmulatorOptions } from "./emulator-options.js";
import { applyEnvironmentOptions } from "./environment/environment-options.js";
import { ensureSigningKey } from "./keys/index.js";
import { isLoopbackBindAddress } from "./http/host-classification.js";
import { createServedHosts } from "./http/served-hosts.js";
import { listen, originFor } from "./listen.js";
import { createHostedLogin } from "./login/index.js";
import { createOAuthRouter } from "./oauth/index.js";
import { MACHINE_NETWORK } from "./oauth/metadata-document-request.js";
import { createEmulatorApp } from "./server.js";
import { createStore } from "./store/create-store.js";
import { issueAccessToken, type IssuedAccessToken, type IssueAccessTokenInput } from "./test-tokens/issue-access-token.js";
import { loadState } from "./store/load-state.js";
import type { EmulatorState } from "./store/types.js";

/** A running emulator, as `startEmulator()` hands it to tests and the CLI. */
export interface RunningEmulator {
  /** Origin, e.g. `http://127.0.0.1:4455`. */
  url: string;
  /** Equal to `url`: the `iss` of every token and the RFC 8414 issuer. */
  issuer: string;
  port: number;
  /** The development API key (`sk_test_...`) the WorkOS REST API accepts. */
  apiKey: string;
  /** The environment client id (`client_...`): default audience of access tokens. */
  clientId: string;
  /** The live state; stays the same object across `reset()`. */
  state: EmulatorState;
  /** Shared with every router; tests may replace `now` to move the clock. */
  context: EmulatorContext;
  /**
   * Tokens for tests, in one call: what the OAuth flow would issue had `user` signed in (a real
   * session, the JWT template's claims, `aud` bound as the token endpoint binds it). Refuses an
   * unknown user, an organization the user is not a member of, and scopes or resources the
   * environment does not allow. Also `POST /_emulator/tokens`.
   *
   * @example
   * const { accessToken } = await emulator.issueAccessToken({ user: "alice@acme.test", organization: "Acme Corp" });
   */
  issueAccessToken(input: IssueAccessTokenInput): Promise<IssuedAccessToken>;
  /** Back to the seed (signing keys kept). */
  reset(): void;
  /** Close every connection, then write pending state to `--data`. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Start the AuthKit + WorkOS API emulator. For development and tests only.
 *
 * @example
 * const emulator = await startEmulator({ port: 0 });
 * const workos = new WorkOS(emulator.apiKey, {
 *   clientId: emulator.clientId, apiHostname: "127.0.0.1", port: emulator.port, https: false,
 * });
 * // ...
 * await emulator.stop();
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const resolved = resolveEmulatorOptions(options);
  const { state, seed } = loadState({ seed: resolved.seed, data: resolved.data });
  // Applied to the seed as well, so `reset()` keeps the switches and resources the caller chose.
  // The seed reuses the live state's records, so an indicator keeps its id across `reset()` even
  // when the state came from a `--data` file.
  applyEnvironmentOptions(state, resolved.environment, new Date());
  applyEnvironmentOptions(seed, resolved.environment, new Date(), state.environment.resource_indicators);
  if (resolved.autoLogin !== undefined && !state.users.some((user) => user.email === resolved.autoLogin)) {
    throw new EmulatorStartupError(
      "ERR_EMULATOR_OPTION_INVALID",
      `autoLogin: no user with email ${resolved.autoLogin} in the seed`,
    );
  }
  const store = createStore({ state, seed, dataPath: resolved.data, logger: resolved.logger });
  const { server, port } = await listen(resolved.port, resolved.host);
  const issuer = originFor(resolved.host, port);
  if (!isLoopbackBindAddress(resolved.host)) {
    resolved.logger.warn(
      `LISTENING ON ${resolved.host}, NOT LOOPBACK: other machines can reach this emulator. Its admin API has no ` +
        "authentication, its credentials are public and its sign-in is for development only. Bind 127.0.0.1 unless you must.",
    );
  }
  const context: EmulatorContext = {
    state,
    save: () => store.save(),
    issuer,
    accessTokenTtl: resolved.accessTokenTtl,
    autoLogin: resolved.autoLogin,
    rateLimits: resolved.rateLimits,
    logger: resolved.logger,
    servedHosts: createServedHosts({ host: resolved.host, port, allowedHosts: resolved.allowedHosts }),
    now: () => Math.floor(Date.now() / 1000),
    documentNetwork: MACHINE_NETWORK,
  };
  try {
    await ensureSigningKey(context);
    server.on("request", createEmulatorApp(context, store, createOAuthRouter(context, createHostedLogin)));
  } catch (error) {
    await closeServer(server);
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    url: issuer,
    issuer,
    port,
    apiKey: state.environment.api_key,
    clientId: state.environment.client_id,
    state,
    context,
    issueAccessToken: (input) => issueAccessToken(context, input),
    reset: () => store.reset(),
    stop() {
      stopping ??= closeServer(server).finally(() => store.flush());
      return stopping;
    },
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive sockets (the SDK's fetch, browsers) would otherwise hold close() open.
    server.closeAllConnections();
  });
}
