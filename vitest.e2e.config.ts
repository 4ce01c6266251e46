import { configDefaults, defineConfig } from 'vitest/config';

// Real-browser tests: one file at a time (2 cores), generous timeouts, no timing assertions.
// QC_BROWSER=firefox runs the browser-neutral suite (tests/e2e/both) and the Firefox-only files;
// the default (Chromium) runs the Chromium-only files and the same browser-neutral suite.
const firefox = process.env.QC_BROWSER === 'firefox';

export default defineConfig({
  test: {
    environment: 'node',
    include: firefox ? ['tests/e2e/both/**/*.test.ts', 'tests/e2e/firefox/**/*.test.ts'] : ['tests/e2e/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(firefox ? [] : ['tests/e2e/firefox/**'])],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
