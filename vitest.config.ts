import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 90_000,
    pool: "forks",
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
    projects: [
      {
        extends: true,
        test: {
          name: "packages",
          include: ["packages/*/test/**/*.test.ts"],
          // The public API's type tests (expectTypeOf) fail only under tsc: run it over the
          // package's sources and tests, so a type regression fails `npm test` like any other.
          typecheck: { enabled: true, include: ["packages/workos/test/public-api.test.ts"], tsconfig: "packages/workos/tsconfig.json" },
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["examples/*/test/**/*.test.ts"],
          globalSetup: ["examples/workos-http/test/global-setup.ts"],
          // Every file starts the built example on the one port its build fixed: one file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
