import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: {
      index: "src/index.ts",
      express: "src/express/index.ts",
      web: "src/web/index.ts",
      fastify: "src/fastify/index.ts",
      doctor: "src/doctor/index.ts",
      testing: "src/testing/index.ts",
    },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node22",
    // The WorkOS SDK picks its worker build by export condition; resolve it in the user's bundler, not here.
    external: ["@workos-inc/node", "jose", "fastify"],
    // Keep `node:async_hooks` as written: Workers bundlers map the `node:` form under `nodejs_compat`.
    removeNodeProtocol: false,
  },
  {
    // The command line runs on Node only and uses top-level await: ESM, no types.
    entry: { cli: "src/cli.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "node22",
  },
]);
