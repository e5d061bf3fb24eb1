import { defineProject } from 'vitest/config';

// Unit tests of the browser code (the answer queue, the attempt store, pure helpers) in a simulated
// DOM with fake timers and a stubbed transport: fast, and run first. The real browser runs the
// end-to-end tests (vitest.config.ts).
export default defineProject({
  test: {
    name: 'web-unit',
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    sequence: { groupOrder: 0 },
  },
});
