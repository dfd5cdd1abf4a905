/** Codes for reasons the emulator cannot start (bad seed, unreadable data file, bad option, busy port). */
export type EmulatorStartupErrorCode =
  | "ERR_EMULATOR_SEED_UNREADABLE"
  | "ERR_EMULATOR_SEED_INVALID"
  | "ERR_EMULATOR_DATA_UNREADABLE"
  | "ERR_EMULATOR_OPTION_INVALID"
  | "ERR_EMULATOR_PORT_IN_USE";

/**
 * Thrown by `startEmulator()` before it serves anything, never per request: the message says
 * exactly which file, option or port is wrong, so the CLI prints it as is.
 *
 * @example
 * try { await startEmulator({ port: 4455 }); }
 * catch (error) { if (error instanceof EmulatorStartupError && error.code === "ERR_EMULATOR_PORT_IN_USE") ... }
 */
export class EmulatorStartupError extends Error {
  override readonly name = "EmulatorStartupError";
  readonly code: EmulatorStartupErrorCode;

  constructor(code: EmulatorStartupErrorCode, message: string, options?: { cause?: unknown }) {
    super(`[authkit-emulator] ${message}`, options);
    this.code = code;
  }
}
