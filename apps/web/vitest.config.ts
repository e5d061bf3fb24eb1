import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'web-e2e',
    sequence: { groupOrder: 2 },
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    // One browser and one app for the run; files share them one after the other.
    fileParallelism: false,
    testTimeout: 60_000,
    // A page may take longer than the default second to settle on a busy two-core machine.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 120_000,
  },
});
