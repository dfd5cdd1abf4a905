import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { defaultSeedPath } from "./default-seed-path.js";
import { EmulatorStartupError } from "../emulator-startup-error.js";
import type { EmulatorState } from "./types.js";
import { normalizeEnvironment } from "../environment/environment-settings.js";
import { upgradeState } from "./upgrade-state.js";

/** Arrays a seed may leave out: they fill up while the emulator runs (tokens, sessions, mail). */
const RUNTIME_ARRAYS = [
  "users",
  "organizations",
  "roles",
  "memberships",
  "connections",
  "directories",
  "directoryUsers",
  "directoryGroups",
  "invitations",
  "auditEvents",
  "auditLogExports",
  "auditLogSchemas",
  "oauthClients",
  "sessions",
  "refreshTokens",
  "keys",
  "outbox",
] as const satisfies readonly (keyof EmulatorState)[];

const DEFAULT_JWT_TEMPLATE = { role: true, roles: true, permissions: true, entitlements: true };

export interface LoadedState {
  /** The live state the emulator starts with (from `--data` when that file exists). */
  state: EmulatorState;
  /** The seed as read, kept pristine so `reset()` can go back to it. */
  seed: EmulatorState;
}

/**
 * Read the seed (bundled one unless `seed` is given) and, when `data` names an existing file,
 * the persisted state instead of the seed. Both come back as fresh objects: nothing the
 * caller mutates can reach the seed kept for reset.
 *
 * @example
 * const { state, seed } = loadState({ data: "./.emulator-state.json" });
 */
export function loadState(options: { seed?: string; data?: string }): LoadedState {
  const seedPath = resolve(options.seed ?? defaultSeedPath());
  const seed = readStateFile(seedPath, "ERR_EMULATOR_SEED_UNREADABLE", "seed");
  const dataPath = options.data === undefined ? undefined : resolve(options.data);
  const state =
    dataPath !== undefined && existsSync(dataPath)
      ? readStateFile(dataPath, "ERR_EMULATOR_DATA_UNREADABLE", "data")
      : structuredClone(seed);
  return { state, seed };
}

function readStateFile(
  path: string,
  unreadableCode: "ERR_EMULATOR_SEED_UNREADABLE" | "ERR_EMULATOR_DATA_UNREADABLE",
  label: string,
): EmulatorState {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new EmulatorStartupError(unreadableCode, `Cannot read ${label} file ${path}: ${reason}`, { cause });
  }
  return normalizeState(raw, path);
}

/** Check the few fields everything depends on and fill what a hand-written seed may omit. */
export function normalizeState(raw: unknown, source: string): EmulatorState {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new EmulatorStartupError("ERR_EMULATOR_SEED_INVALID", `${source} must contain a JSON object`);
  }
  const { $comment: _comment, ...record } = raw as Record<string, unknown>;
  record.environment = normalizeEnvironment(record.environment, source);
  for (const key of RUNTIME_ARRAYS) {
    if (record[key] === undefined) record[key] = [];
    else if (!Array.isArray(record[key])) {
      throw new EmulatorStartupError("ERR_EMULATOR_SEED_INVALID", `${source}: ${key} must be an array`);
    }
  }
  record.jwtTemplate = { ...DEFAULT_JWT_TEMPLATE, ...(record.jwtTemplate as object | undefined) };
  const state = record as unknown as EmulatorState;
  upgradeState(state, new Date().toISOString());
  return state;
}
