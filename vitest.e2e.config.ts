import { defineConfig } from 'vitest/config';

// Real Chromium tests: one file at a time (2 cores), generous timeouts, no timing assertions.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
