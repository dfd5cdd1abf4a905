import type { Logger } from "../../src/index.js";

export interface LogLine {
  level: string;
  message: string;
  meta?: Record<string, unknown>;
}

/** A logger that keeps every line, to assert on what was logged (and that no token was). */
export function recordingLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: string) => (message: string, meta?: Record<string, unknown>) => void lines.push({ level, message, meta });
  return { logger: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") }, lines };
}
