import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'web-e2e',
    sequence: { groupOrder: 2 },
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    // One browser and one app for the run; files share them one after the other.
    fileParallelism: false,
    // The files run one after the other in one worker that keeps its loaded modules (Playwright,
    // axe, the helpers): starting a fresh worker per file cost about 1.5 s each. Files share no
    // state; each launches its own browser and signs up its own users.
    isolate: false,
    testTimeout: 60_000,
    // A page may take longer than the default second to settle on a busy two-core machine.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 120_000,
  },
});
