// The API package's public surface for `@saa/bench` (package.json "exports": "./for-benchmarks").
// The benchmark drives the production build over HTTP; what it needs besides that is listed here,
// so that nothing else of the API's inside is reachable from it: the queries whose plans it
// captures as data grow, the draw it times, the database tools it starts Postgres with, the
// synthetic data it grows the bank with, and the seeded generator its simulated candidates use.

export { adminQuery, urlForDatabase } from '../test/admin-database.ts';
export { explainingPrisma } from '../test/explaining-prisma.ts';
export { insertQuestions, insertScoredAttempts, type Queryable } from '../test/synthetic-data.ts';
export { findOverdueIds } from './data/attempts.ts';
export { countCards } from './data/review-cards.ts';
export { findSectionStats } from './data/section-stats.ts';
export { countScored, lastMockScores, lastScored } from './data/stats.ts';
export { startEmbeddedPostgres } from './db/embedded-postgres.ts';
export { planAttempt } from './exam/attempt-plan.ts';
export { seededRandom } from './exam/shuffle.ts';
export { drawForPlan } from './services/attempts/draw-questions.ts';
