import { defineProject } from 'vitest/config';
import { DATABASE_TESTS, TIMING_TESTS } from './vitest.config.ts';

// The API tests that measure latency under a burst, run on their own once every other project has
// finished: beside another test file and its Postgres, a two-core machine times that file's load
// as much as the server's (the burst test failed about one run in four that way, its saves slow
// for the first 100-200 ms of the burst).
export default defineProject({
  test: {
    name: 'api-timing',
    sequence: { groupOrder: 3 },
    include: TIMING_TESTS,
    ...DATABASE_TESTS,
    maxWorkers: 1,
  },
});
