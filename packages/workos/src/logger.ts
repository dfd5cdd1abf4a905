/**
 * The logger the plugin writes to. Inject your own (pino, winston and console all fit);
 * the default is silent. Messages carry reason codes and ids, never a token, secret or claim set.
 */
export interface Logger {
  debug(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

const noop = (): void => {};

/** A logger supplied by the application must not be able to break request handling. */
export function safely(log: () => void): void {
  try {
    log();
  } catch {
    // ignored on purpose
  }
}

export const silentLogger: Logger = { debug: noop, info: noop, warn: noop, error: noop };
