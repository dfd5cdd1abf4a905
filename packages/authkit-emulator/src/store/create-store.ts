import { resolve } from "node:path";
import type { EmulatorLogger } from "../context.js";
import type { EmulatorState } from "./types.js";
import { writeStateFile } from "./write-state-file.js";

/** Mutations arrive in bursts (a token request touches several arrays); one write covers a burst. */
const SAVE_DEBOUNCE_MS = 25;

export interface EmulatorStore {
  /** The live state. `reset()` refills this same object, so references held by routers stay valid. */
  readonly state: EmulatorState;
  /** Schedule a write to `--data` (no-op without it). Cheap: call after every mutation. */
  save(): void;
  /** Write now if a save is pending. Called by `stop()`. */
  flush(): void;
  /** Replace every entity with a fresh copy of the seed. Signing keys survive (see below). */
  reset(): void;
}

/**
 * Own the state's lifecycle: debounced persistence to `dataPath` and reset to `seed`.
 *
 * @example
 * const { state, seed } = loadState(options);
 * const store = createStore({ state, seed, dataPath: options.data, logger });
 */
export function createStore(input: {
  state: EmulatorState;
  seed: EmulatorState;
  dataPath: string | undefined;
  logger: EmulatorLogger;
}): EmulatorStore {
  const { state, seed, logger } = input;
  const dataPath = input.dataPath === undefined ? undefined : resolve(input.dataPath);
  let timer: NodeJS.Timeout | undefined;

  const writeNow = (): void => {
    timer = undefined;
    if (dataPath === undefined) return;
    try {
      writeStateFile(dataPath, state);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      logger.error(`Could not persist state to ${dataPath}: ${reason}`);
    }
  };

  const save = (): void => {
    if (dataPath === undefined || timer !== undefined) return;
    timer = setTimeout(writeNow, SAVE_DEBOUNCE_MS);
    // A pending write must not keep a test process alive; stop() flushes it anyway.
    timer.unref();
  };

  return {
    state,
    save,
    flush() {
      if (timer === undefined) return;
      clearTimeout(timer);
      writeNow();
    },
    reset() {
      const fresh = structuredClone(seed);
      // Keep the signing keys unless the seed brings its own: resource servers cache the JWKS,
      // and tokens they already hold should keep verifying after a test resets the data.
      if (fresh.keys.length === 0) fresh.keys = state.keys;
      for (const key of Object.keys(state) as (keyof EmulatorState)[]) {
        if (!(key in fresh)) delete state[key];
      }
      Object.assign(state, fresh);
      save();
    },
  };
}
