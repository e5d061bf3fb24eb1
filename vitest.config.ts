import { defineConfig } from 'vitest/config';

// `pnpm test` runs every project: the bank's quality gates, the API's integration tests on a real
// (embedded) Postgres, and the web app's end-to-end tests in a real Chromium.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/api', 'apps/web'],
  },
});
