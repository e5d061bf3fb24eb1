// Growth: how start-mock and stats latencies change with the size of the bank and of a user's
// history, measured on the production build, with the executed plans of the queries involved.
// Starting a practice set over all domains and reading the catalog are timed beside the mock at
// each bank size too (no target; docs/benchmarks.md says what they show).
import {
  countCards,
  countScored,
  drawForPlan,
  explainingPrisma,
  findOverdueIds,
  findSectionStats,
  insertQuestions,
  insertScoredAttempts,
  lastMockScores,
  lastScored,
  planAttempt,
} from '@saa/api/for-benchmarks';
import pg from 'pg';
import { BENCH_PASSWORD } from './candidate.ts';
import { Browser, HttpTarget } from './client.ts';
import { quantile } from './latency.ts';
import { type BenchPostgres, startApi } from './processes.ts';

export interface GrowthCase {
  size: number;
  samples: number;
  errors: number;
  p50: number;
  p95: number;
  mean: number;
}

export interface GrowthSeries {
  /** What `size` counts. */
  unit: string;
  sizes: number[];
  cases: GrowthCase[];
  /** Median latency of the largest case over the smallest: the target is at most 2. */
  ratioP50: number;
  ratioP95: number;
  withinTarget: boolean;
  /** The plans (EXPLAIN ANALYZE, BUFFERS via auto_explain) of the queries, per size. */
  plans: Record<string, string[]>;
}

export interface GrowthResult {
  startMock: GrowthSeries;
  stats: GrowthSeries;
  /** POST /api/attempts, a 20-question practice over all domains: no target, measured for reference. */
  startPractice: GrowthSeries;
  /** GET /api/catalog: no target, measured for reference. */
  catalog: GrowthSeries;
}

export interface GrowthOptions {
  questionSizes: number[];
  attemptSizes: number[];
  samples: number;
  warmup: number;
  poolSize: number;
  runId: string;
  log: (line: string) => void;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/**
 * Times `samples` sequential requests of each case, interleaved (one of each in turn, after
 * `warmup` of each), so that a passing burst of other work on the machine weighs on every case
 * alike: the cases are compared with one another.
 */
async function timeInterleaved(
  cases: {
    size: number;
    request: () => Promise<{ status: number; body?: unknown }>;
    /** Untimed clean-up after each request (e.g. submitting the mock it started). */
    after?: (res: { status: number; body?: unknown }) => Promise<void>;
  }[],
  expected: number,
  warmup: number,
  samples: number,
): Promise<GrowthCase[]> {
  const errors = cases.map(() => 0);
  const times: number[][] = cases.map(() => []);
  for (let i = 0; i < warmup + samples; i++) {
    for (const [k, c] of cases.entries()) {
      const start = performance.now();
      const res = await c.request();
      if (i >= warmup) times[k]?.push(performance.now() - start);
      if (res.status !== expected) errors[k] = (errors[k] ?? 0) + 1;
      await c.after?.(res);
    }
  }
  return cases.map((c, k) => {
    const sorted = [...(times[k] ?? [])].sort((a, b) => a - b);
    return {
      size: c.size,
      samples,
      errors: errors[k] ?? 0,
      p50: round(quantile(sorted, 0.5)),
      p95: round(quantile(sorted, 0.95)),
      mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
    };
  });
}

async function timeRequests(
  request: () => Promise<{ status: number; body?: unknown }>,
  expected: number,
  warmup: number,
  samples: number,
  size: number,
  after?: (res: { status: number; body?: unknown }) => Promise<void>,
): Promise<GrowthCase> {
  const [timed] = await timeInterleaved([{ size, request, ...(after ? { after } : {}) }], expected, warmup, samples);
  return timed as GrowthCase;
}

function series(unit: string, cases: GrowthCase[], plans: Record<string, string[]>): GrowthSeries {
  const first = cases[0];
  const last = cases.at(-1);
  const ratioP50 = first && last ? round(last.p50 / first.p50) : Number.NaN;
  const ratioP95 = first && last ? round(last.p95 / first.p95) : Number.NaN;
  return {
    unit,
    sizes: cases.map((c) => c.size),
    cases,
    ratioP50,
    ratioP95,
    withinTarget: ratioP50 <= 2 && cases.every((c) => c.errors === 0),
    plans,
  };
}

async function signUp(target: HttpTarget, email: string): Promise<{ browser: Browser; userId: string }> {
  const browser = new Browser(target);
  const res = await browser.send<{ user: { id: string } }>('POST', '/api/auth/signup', {
    email,
    password: BENCH_PASSWORD,
  });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { browser, userId: res.body.user.id };
}

/** Runs `work` through the API's own data functions with auto_explain on, and returns the plans. */
async function capturePlans(
  url: string,
  work: (prisma: ReturnType<typeof explainingPrisma>['prisma']) => Promise<unknown>,
) {
  const explaining = explainingPrisma(url);
  try {
    await work(explaining.prisma);
    return explaining.plans.map((p) => p.trim());
  } catch (error) {
    return [`(plans not captured: ${(error as Error).message.split('\n')[0]})`];
  } finally {
    await explaining.close();
  }
}

export async function runGrowth(postgres: BenchPostgres, options: GrowthOptions): Promise<GrowthResult> {
  const { log } = options;
  const url = await postgres.createDatabase(`saa_growth_${options.runId}`);
  // Its own API process on an empty bank (no seeding): the sizes are exactly the synthetic ones.
  const api = await startApi(url, { SEED_ON_START: 'false', DATABASE_POOL_SIZE: String(options.poolSize) });
  const target = new HttpTarget(api.url, 4);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const mockCases: GrowthCase[] = [];
    const mockPlans: Record<string, string[]> = {};
    const practiceCases: GrowthCase[] = [];
    const catalogCases: GrowthCase[] = [];
    let have = 0;
    for (const size of options.questionSizes) {
      await insertQuestions(db, have, size);
      have = size;
      await db.query('VACUUM ANALYZE questions, question_versions');
      const { browser, userId } = await signUp(target, `growth-mock-${size}-${options.runId}@example.test`);
      // One mock at a time per user: each started mock is submitted (untimed) before the next start.
      const c = await timeRequests(
        () => browser.send<{ id?: string }>('POST', '/api/attempts', { mode: 'mock' }),
        201,
        options.warmup,
        options.samples,
        size,
        async (res) => {
          const id = (res.body as { id?: string } | undefined)?.id;
          if (id) await browser.send('POST', `/api/attempts/${id}/submit`);
        },
      );
      mockCases.push(c);
      log(`  start mock with ${size.toLocaleString('en')} questions: p50 ${c.p50} ms, p95 ${c.p95} ms`);
      mockPlans[String(size)] = await capturePlans(url, (prisma) =>
        drawForPlan(prisma, userId, planAttempt({ mode: 'mock' }), new Date()),
      );
      const practice = await timeRequests(
        () => browser.send('POST', '/api/attempts', { mode: 'practice', questionCount: 20 }),
        201,
        options.warmup,
        options.samples,
        size,
      );
      practiceCases.push(practice);
      const catalog = await timeRequests(
        () => browser.send('GET', '/api/catalog'),
        200,
        options.warmup,
        options.samples,
        size,
      );
      catalogCases.push(catalog);
      log(`  (for reference: practice over all domains p50 ${practice.p50} ms, catalog p50 ${catalog.p50} ms)`);
    }

    const statsPlans: Record<string, string[]> = {};
    const poolSize = Math.min(1000, have);
    const statsUsers: { size: number; browser: Browser; userId: string }[] = [];
    for (const size of options.attemptSizes) {
      const { browser, userId } = await signUp(target, `growth-stats-${size}-${options.runId}@example.test`);
      await insertScoredAttempts(db, userId, size, poolSize);
      statsUsers.push({ size, browser, userId });
    }
    await db.query('VACUUM ANALYZE attempts, attempt_items, user_section_stats, review_cards, user_question_seen');
    const statsCases = await timeInterleaved(
      statsUsers.map(({ size, browser }) => ({ size, request: () => browser.send('GET', '/api/stats') })),
      200,
      options.warmup,
      options.samples,
    );
    for (const [k, { size, userId }] of statsUsers.entries()) {
      const c = statsCases[k] as GrowthCase;
      log(`  stats with ${size.toLocaleString('en')} attempts: p50 ${c.p50} ms, p95 ${c.p95} ms`);
      statsPlans[String(size)] = await capturePlans(url, async (prisma) => {
        const now = new Date();
        // The statements GET /api/stats sends after the session lookup, in its order.
        await findOverdueIds(prisma, userId, now, 3);
        await countScored(prisma, userId);
        await lastScored(prisma, userId, 50);
        await lastMockScores(prisma, userId, 3);
        await findSectionStats(prisma, userId);
        await countCards(prisma, userId, now);
      });
    }
    return {
      startMock: series('active questions in the bank', mockCases, mockPlans),
      stats: series('scored attempts of the user', statsCases, statsPlans),
      startPractice: series('active questions in the bank', practiceCases, {}),
      catalog: series('active questions in the bank', catalogCases, {}),
    };
  } finally {
    await db.end();
    await target.close();
    await api.stop();
  }
}
