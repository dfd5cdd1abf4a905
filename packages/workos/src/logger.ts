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

/**
 * `logger` with every method unable to throw. A logger supplied by the application must not be
 * able to break request handling, and a throw inside a promise chain (a start-up fetch that
 * failed, a shared cache store that went away) would become an unhandled rejection that ends the
 * process. Applied once, when the configuration is resolved, so no call site can forget it.
 */
export function neverThrowing(logger: Logger): Logger {
  const guarded =
    (method: keyof Logger) =>
    (message: string, meta?: Record<string, unknown>): void => {
      try {
        // Called on the logger itself: pino's and winston's methods need their `this`.
        const written: unknown = meta === undefined ? logger[method](message) : logger[method](message, meta);
        // An `async` method fits the `void` signature too: its rejection must not go unhandled.
        if (isThenable(written)) written.then(undefined, noop);
      } catch {
        // ignored on purpose
      }
    };
  return { debug: guarded("debug"), info: guarded("info"), warn: guarded("warn"), error: guarded("error") };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

export const silentLogger: Logger = { debug: noop, info: noop, warn: noop, error: noop };
