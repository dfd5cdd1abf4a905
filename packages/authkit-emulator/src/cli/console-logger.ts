import type { EmulatorLogger } from "../context.js";

/** The CLI's logger: the only place the emulator writes to the console (library code injects). */
export const consoleLogger: EmulatorLogger = {
  info: (message) => console.log(`[authkit-emulator] ${message}`),
  warn: (message) => console.warn(`[authkit-emulator] warning: ${message}`),
  error: (message) => console.error(`[authkit-emulator] error: ${message}`),
};
