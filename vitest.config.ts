import { defineConfig } from 'vitest/config';

// `pnpm test` runs every project: the bank's quality gates, the API's integration tests on a real
// (embedded) Postgres, the web app's end-to-end tests in a real Chromium, and the build scripts'.
export default defineConfig({
  test: {
    projects: [
      'packages/*',
      'apps/api',
      'apps/api/vitest.timing.config.ts',
      'apps/web/vitest.config.ts',
      'apps/web/vitest.unit.config.ts',
      { test: { name: 'scripts', include: ['scripts/**/*.test.ts'], environment: 'node' } },
      // The benchmark's smoke run: real processes (Postgres, the API's build), after the API tests.
      {
        test: {
          name: 'bench',
          include: ['bench/**/*.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 1 },
          maxWorkers: 2,
        },
      },
    ],
  },
});
