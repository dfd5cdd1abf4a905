import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where the bundled seed lives. The same code runs from `src/store/` (tests) and from the
 * bundled `dist/` (CLI, published package), so walk up to the package root instead of
 * hard-coding a relative depth.
 */
export function defaultSeedPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 4; depth++) {
    const candidate = join(dir, "seed", "default-seed.json");
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error("[authkit-emulator] The bundled seed/default-seed.json is missing from the package");
}
