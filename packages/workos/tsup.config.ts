import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: { index: "src/index.ts", doctor: "src/doctor/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node22",
  },
  {
    // The command line runs on Node only and uses top-level await: ESM, no types.
    entry: { cli: "src/cli.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "node22",
  },
]);
