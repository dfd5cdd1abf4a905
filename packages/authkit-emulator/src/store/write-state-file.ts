import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { randomBytes } from "node:crypto";
import type { EmulatorState } from "./types.js";

/**
 * Write the state so that a crash mid-write never leaves a truncated `--data` file:
 * the JSON goes to a temporary file beside the target, then `rename` swaps it in
 * (atomic on one filesystem, which a sibling file guarantees).
 */
export function writeStateFile(path: string, state: EmulatorState): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, path);
}
