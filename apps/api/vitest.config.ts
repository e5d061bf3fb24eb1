import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'api',
    include: ['src/**/*.test.ts'],
    // One embedded Postgres for the run, migrated once into a template database...
    globalSetup: ['test/global-setup.ts'],
    // ...and each test file gets its own copy of it.
    setupFiles: ['test/worker-database.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
