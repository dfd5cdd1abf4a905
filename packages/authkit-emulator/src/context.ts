import type { RateLimitsOptions, ResolvedRateLimits } from "./http/rate-limits/index.js";
import type { ServedHosts } from "./http/served-hosts.js";
import type { EnvironmentOptions } from "./environment/environment-options.js";
import type { DocumentNetwork } from "./oauth/metadata-document-request.js";
import type { EmulatorState } from "./store/types.js";

/** What the emulator prints and records; tests pass a silent one. Never given a token or a password. */
export interface EmulatorLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Also the environment settings of {@link EnvironmentOptions}, which override the seed's. */
export interface EmulatorOptions extends EnvironmentOptions {
  /** Port to listen on; 0 picks a free one. Default 4455. */
  port?: number;
  /** Default 127.0.0.1. Anything but a loopback address is warned about: the admin API has no authentication. */
  host?: string;
  /**
   * Extra `Host` names to answer (`name` for any port, `name:port`), e.g. a tunnel's. The
   * emulator otherwise answers only its own host and `localhost`/`127.0.0.1`/`[::1]` on its port,
   * so a DNS-rebinding web page cannot read it.
   */
  allowedHosts?: string[];
  /** Path to a seed JSON file; default: the bundled `seed/default-seed.json`. */
  seed?: string;
  /** Path to a JSON file the state is persisted to and reloaded from across restarts. */
  data?: string;
  /** Access-token lifetime in seconds. Default 300. */
  accessTokenTtl?: number;
  /** Sign this user in without showing the login UI (first organization, consent granted). */
  autoLogin?: string;
  /**
   * WorkOS's documented REST API rate limits, enforced as WorkOS does (429, `Retry-After`).
   * Default on: 6,000 requests per 60 s per client address, and 1,000 reads / 500 writes per
   * 10 s under `/user_management/`. `false` switches them off; an object replaces single limits.
   */
  rateLimits?: RateLimitsOptions | boolean;
  logger?: EmulatorLogger;
}

/**
 * Shared by every route: the state, a way to persist it, and the resolved settings.
 * Built once in `startEmulator()`; routers receive it as their only argument.
 */
export interface EmulatorContext {
  state: EmulatorState;
  /** Persist the state if `--data` is set (debounced; cheap to call after every mutation). */
  save(): void;
  /** The emulator's origin, e.g. `http://127.0.0.1:4455`; it is the token issuer. Set once listening. */
  issuer: string;
  accessTokenTtl: number;
  autoLogin: string | undefined;
  /** The REST API limits in force, or `false` when switched off. */
  rateLimits: ResolvedRateLimits | false;
  logger: EmulatorLogger;
  /** The `Host` names this emulator answers, and the URLs that would reach it. */
  servedHosts: ServedHosts;
  /** Current time in seconds; tests may replace it. */
  now(): number;
  /**
   * How Client ID Metadata Documents are fetched: the machine's resolver and CA store. Tests may
   * replace it (a made-up name on 127.0.0.1, a certificate made for the run).
   */
  documentNetwork: DocumentNetwork;
}
