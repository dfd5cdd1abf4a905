import type { EmulatorLogger } from "./context.js";

/**
 * C0 and C1 control characters, DEL, and the Unicode line separators and bidirectional
 * overrides: what lets logged text start a fake log line, move the cursor or recolour a
 * terminal (ESC sequences), or display in another order than it was written.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** Makes one message printable on one line: every unsafe character becomes a visible escape. */
export function escapeForLog(message: string): string {
  return message.replace(UNSAFE, (char) => NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * Wraps the caller's logger so that nothing a request supplied (a `client_name`, a client id
 * URL, an email) reaches the console raw: a client could otherwise forge log lines such as a
 * fake magic code, or send terminal escape sequences.
 *
 * @example
 * const logger = escapingLogger(options.logger ?? silentLogger);
 */
export function escapingLogger(logger: EmulatorLogger): EmulatorLogger {
  return {
    info: (message) => logger.info(escapeForLog(message)),
    warn: (message) => logger.warn(escapeForLog(message)),
    error: (message) => logger.error(escapeForLog(message)),
  };
}
