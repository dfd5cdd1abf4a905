import type { EmulatorLogger, EmulatorOptions } from "./context.js";
import { EmulatorStartupError } from "./emulator-startup-error.js";
import { escapingLogger } from "./escaping-logger.js";
import { allowedHostProblem } from "./http/served-hosts.js";
import { resolveRateLimits, type ResolvedRateLimits } from "./http/rate-limits/index.js";
import { resolveEnvironmentOptions, type ResolvedEnvironmentOptions } from "./environment/environment-options.js";

/** `startEmulator()` options with every default applied and every value checked. */
export interface ResolvedEmulatorOptions {
  /** Default 4455; 0 lets the OS pick a free port (tests). */
  port: number;
  /** Default 127.0.0.1: the admin API has no authentication, so loopback is the safe default. */
  host: string;
  /** Extra `Host` names (tunnels); the own host and loopback names on the port are always served. */
  allowedHosts: string[];
  seed: string | undefined;
  data: string | undefined;
  /** Seconds; default 300, AuthKit's access-token lifetime. */
  accessTokenTtl: number;
  autoLogin: string | undefined;
  /** Default: WorkOS's documented limits; `false` when switched off. */
  rateLimits: ResolvedRateLimits | false;
  /** Default: silent. The CLI passes a console logger. Control characters in messages arrive escaped. */
  logger: EmulatorLogger;
  /** Dashboard switches and JWT template that override the seed; empty when none was given. */
  environment: ResolvedEnvironmentOptions;
}

const SILENT_LOGGER: EmulatorLogger = { info() {}, warn() {}, error() {} };

function invalid(message: string): EmulatorStartupError {
  return new EmulatorStartupError("ERR_EMULATOR_OPTION_INVALID", message);
}

/**
 * Apply defaults and fail fast with the option's name, so a typo crashes at start-up rather
 * than on the first request. The caller's object is not modified.
 */
export function resolveEmulatorOptions(options: EmulatorOptions = {}): ResolvedEmulatorOptions {
  const port = options.port ?? 4455;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw invalid(`port must be an integer from 0 to 65535 (got ${String(options.port)})`);
  }
  const host = options.host ?? "127.0.0.1";
  if (typeof host !== "string" || host.trim() === "") throw invalid("host must be a non-empty string");
  const allowedHosts = options.allowedHosts ?? [];
  if (!Array.isArray(allowedHosts)) throw invalid("allowedHosts must be an array of host names");
  for (const entry of allowedHosts) {
    const problem = allowedHostProblem(entry);
    if (problem !== undefined) throw invalid(`allowedHosts: each entry ${problem}`);
  }
  const accessTokenTtl = options.accessTokenTtl ?? 300;
  if (!Number.isInteger(accessTokenTtl) || accessTokenTtl < 1) {
    throw invalid(`accessTokenTtl must be a positive whole number of seconds (got ${String(options.accessTokenTtl)})`);
  }
  const autoLogin = options.autoLogin?.trim().toLowerCase() || undefined;
  let rateLimits: ResolvedRateLimits | false;
  try {
    rateLimits = resolveRateLimits(options.rateLimits);
  } catch (error) {
    throw invalid((error as Error).message);
  }
  return {
    port,
    host,
    allowedHosts: allowedHosts.map((entry) => entry.trim()),
    seed: options.seed,
    data: options.data,
    accessTokenTtl,
    autoLogin,
    rateLimits,
    logger: escapingLogger(options.logger ?? SILENT_LOGGER),
    environment: resolveEnvironmentOptions(options),
  };
}
