import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    // Each test file runs in its own process: Eleventy's template caches are per process.
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
