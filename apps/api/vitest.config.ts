import { configDefaults, defineProject } from 'vitest/config';

/** Tests that time the server under load: they run alone, after the rest (vitest.timing.config.ts). */
export const TIMING_TESTS = ['src/routes/attempts/burst.test.ts'];

/** What every API test project runs on: Postgres, the test databases and their timeouts. */
export const DATABASE_TESTS = {
  // One embedded Postgres for the run, migrated once into a template database...
  globalSetup: ['test/global-setup.ts'],
  // ...and each test file gets its own copy of it.
  setupFiles: ['test/worker-database.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

export default defineProject({
  test: {
    name: 'api',
    // Projects with their own worker counts run one after the other: bank, API, then the browser.
    sequence: { groupOrder: 1 },
    include: ['src/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...TIMING_TESTS],
    ...DATABASE_TESTS,
    // The tests mostly wait on Postgres, so two files at a time overlap well even on two cores
    // (the default there is a single worker).
    maxWorkers: 2,
    // A worker keeps its loaded modules from one file to the next: loading the app for each of the
    // 50-odd files cost more than half of the project's time. Each file still gets its own
    // database and its own app (test/worker-database.ts, buildTestApp), so no rows are shared.
    isolate: false,
  },
});
