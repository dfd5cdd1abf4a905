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
        test: { name: "packages", include: ["packages/*/test/**/*.test.ts"] },
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
