// Ceilings measured on this machine in the same run, and the API measured against them:
// hello-world Fastify vs GET /api/attempts/:id, and a raw pg upsert vs the autosave endpoint.
import { randomUUID } from 'node:crypto';
import type { AttemptResponse, SaveAnswerResponse } from '@saa/contract/attempts';
import pg from 'pg';
import { BENCH_PASSWORD } from './candidate.ts';
import { Browser, HttpTarget } from './client.ts';
import { type Summary, summarize } from './latency.ts';
import { closedLoop, type LoopResult, type Work } from './load.ts';

/** A signed-in user with a mock in progress, owned by one load worker. */
export interface SaveWorker {
  browser: Browser;
  attempt: AttemptResponse;
  /** Next position to save (cycles through the mock). */
  cursor: number;
  /** Client seq of this attempt: only ever grows, so every save is newer than the stored one. */
  seq: number;
}

export interface LoopSummary extends Summary {
  concurrency?: number;
  errors: number;
  durationMs: number;
}

export function loopSummary(result: LoopResult, concurrency?: number): LoopSummary {
  return {
    ...summarize(result.latencies, result.durationMs),
    rps: Math.round(result.rps),
    errors: result.errors,
    durationMs: Math.round(result.durationMs),
    ...(concurrency === undefined ? {} : { concurrency }),
  };
}

/** Signs up `count` users (a few at a time: sign-up hashes a password) and starts a mock for each. */
export async function prepareWorkers(target: HttpTarget, count: number, runId: string): Promise<SaveWorker[]> {
  const workers: SaveWorker[] = [];
  const batch = 8;
  for (let i = 0; i < count; i += batch) {
    const made = await Promise.all(
      Array.from({ length: Math.min(batch, count - i) }, async (_, j) => {
        const browser = new Browser(target);
        const email = `bench-load-${runId}-${i + j}@example.test`;
        const signup = await browser.send('POST', '/api/auth/signup', { email, password: BENCH_PASSWORD });
        if (signup.status !== 201) throw new Error(`sign-up failed: ${signup.status}`);
        const start = await browser.send<AttemptResponse>('POST', '/api/attempts', { mode: 'mock' });
        if (start.status !== 201) throw new Error(`starting a mock failed: ${start.status}`);
        return { browser, attempt: start.body, cursor: 0, seq: 0 };
      }),
    );
    workers.push(...made);
  }
  return workers;
}

/** One autosave of the worker's next question, with a new seq; success means 200 and applied. */
export async function saveNext(worker: SaveWorker): Promise<boolean> {
  const q = worker.attempt.questions[worker.cursor % worker.attempt.questions.length];
  worker.cursor++;
  if (!q) return false;
  worker.seq++;
  // Alternate between two selections so that every save changes the row.
  const offset = worker.seq % 2;
  const selected = q.options.slice(offset, offset + q.choose).map((o) => o.id);
  const res = await worker.browser.send<SaveAnswerResponse>(
    'PUT',
    `/api/attempts/${worker.attempt.id}/answers/${q.position}`,
    { selected, flagged: worker.seq % 7 === 0, seq: worker.seq },
  );
  return res.status === 200 && res.body.applied;
}

export interface LoopSettings {
  durationMs: number;
  maxRequests: number;
}

/**
 * Closed-loop GETs of the hello-world server and of GET /api/attempts/:id at the same concurrency,
 * alternating `rounds` times so that a passing burst of other work on the machine hits both alike;
 * the best run of each counts.
 */
export async function helloVsGetAttempt(
  helloUrl: string,
  workers: SaveWorker[],
  concurrency: number,
  settings: LoopSettings & { rounds: number },
): Promise<{ hello: LoopSummary; getAttempt: LoopSummary; rawRead: LoopSummary }> {
  const hello = new HttpTarget(helloUrl, concurrency);
  const best = (a: LoopSummary | null, b: LoopSummary) => (a && a.rps >= b.rps ? a : b);
  let helloBest: LoopSummary | null = null;
  let getBest: LoopSummary | null = null;
  let rawBest: LoopSummary | null = null;
  try {
    for (let round = 0; round < settings.rounds; round++) {
      const helloRun = await closedLoop(
        async () => {
          const res = await hello.send('GET', '/');
          return res.status === 200;
        },
        { concurrency, ...settings },
      );
      helloBest = best(helloBest, loopSummary(helloRun, concurrency));
      const getRun = await closedLoop(
        async (_i, w) => {
          const worker = workers[w % workers.length] as SaveWorker;
          const res = await worker.browser.send('GET', `/api/attempts/${worker.attempt.id}`);
          return res.status === 200;
        },
        { concurrency, ...settings },
      );
      getBest = best(getBest, loopSummary(getRun, concurrency));
      // The same rows with raw pg and JSON.stringify from a bare Fastify route (bench/hello-server.ts).
      const rawRun = await closedLoop(
        async (_i, w) => {
          const worker = workers[w % workers.length] as SaveWorker;
          const res = await hello.send('GET', `/attempts/${worker.attempt.id}`);
          return res.status === 200;
        },
        { concurrency, ...settings },
      );
      rawBest = best(rawBest, loopSummary(rawRun, concurrency));
    }
    return {
      hello: helloBest as LoopSummary,
      getAttempt: getBest as LoopSummary,
      rawRead: rawBest as LoopSummary,
    };
  } finally {
    await hello.close();
  }
}

/** One closed-loop run of autosaves at `concurrency` (each worker owns one attempt). */
export async function autosaveRun(
  workers: SaveWorker[],
  concurrency: number,
  settings: LoopSettings,
): Promise<LoopSummary> {
  if (concurrency > workers.length) throw new Error(`need ${concurrency} workers, have ${workers.length}`);
  const run = await closedLoop((_i, w) => saveNext(workers[w] as SaveWorker), { concurrency, ...settings });
  return loopSummary(run, concurrency);
}

/**
 * The raw database ceiling for an autosave: one single-row upsert per request (the same columns,
 * conditional on a higher seq), straight through `pg` with the API's pool size, on the same server,
 * as pg sends a parameterised query by default (unnamed statement).
 */
export async function openUpsertCeiling(
  databaseUrl: string,
  poolSize: number,
  maxConcurrency: number,
  options: { named?: boolean } = {},
) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_upsert (
    attempt_id uuid NOT NULL, position int NOT NULL, selected text[] NOT NULL, flagged boolean NOT NULL,
    seq int NOT NULL, PRIMARY KEY (attempt_id, position))`);
  const keys = Array.from({ length: maxConcurrency }, () => ({ id: randomUUID(), cursor: 0, seq: 0 }));
  /** One upsert of key `k`'s next position with a higher seq; true when it was applied. */
  const upsert: Work = async (_i, k) => {
    const key = keys[k % keys.length] as (typeof keys)[number];
    key.seq++;
    const position = (key.cursor++ % 65) + 1;
    const res = await pool.query({
      ...(options.named ? { name: 'bench_upsert' } : {}),
      text: `INSERT INTO bench_upsert (attempt_id, position, selected, flagged, seq) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (attempt_id, position) DO UPDATE
         SET selected = EXCLUDED.selected, flagged = EXCLUDED.flagged, seq = EXCLUDED.seq
       WHERE bench_upsert.seq < EXCLUDED.seq`,
      values: [key.id, position, key.seq % 2 ? ['a'] : ['b'], key.seq % 7 === 0, key.seq],
    });
    return res.rowCount === 1;
  };
  return {
    upsert,
    async run(concurrency: number, settings: LoopSettings): Promise<LoopSummary> {
      return loopSummary(await closedLoop(upsert, { concurrency, ...settings }), concurrency);
    },
    async close(): Promise<void> {
      await pool.query('DROP TABLE IF EXISTS bench_upsert').catch(() => {});
      await pool.end();
    },
  };
}

/**
 * The autosave peak against the raw upsert ceiling: at each concurrency, `rounds` pairs of runs
 * (upsert, then autosave), so that other work on the shared machine weighs on both alike. The
 * best autosave run is the peak; the best upsert run is the ceiling.
 */
export async function autosaveVsUpsert(
  workers: SaveWorker[],
  databaseUrl: string,
  poolSize: number,
  concurrencies: number[],
  settings: LoopSettings & { rounds: number },
): Promise<{ autosave: LoopSummary[]; upsert: LoopSummary[]; upsertNamed: LoopSummary[] }> {
  const ceiling = await openUpsertCeiling(databaseUrl, poolSize, Math.max(...concurrencies));
  const autosave: LoopSummary[] = [];
  const upsert: LoopSummary[] = [];
  try {
    for (const concurrency of concurrencies) {
      for (let round = 0; round < settings.rounds; round++) {
        upsert.push(await ceiling.run(concurrency, settings));
        autosave.push(await autosaveRun(workers, concurrency, settings));
      }
    }
  } finally {
    await ceiling.close();
  }
  // For reference (the target is against the plain loop above): the same upsert as a named
  // prepared statement, as the API sends its statements, at the concurrency where the API peaked.
  const named = await openUpsertCeiling(databaseUrl, poolSize, Math.max(...concurrencies), { named: true });
  const upsertNamed: LoopSummary[] = [];
  try {
    const at = sustainedPeak(autosave).concurrency || (concurrencies[0] ?? 1);
    for (let round = 0; round < settings.rounds; round++) upsertNamed.push(await named.run(at, settings));
  } finally {
    await named.close();
  }
  return { autosave, upsert, upsertNamed };
}

/**
 * What the autosave fast path and its shared statements are worth (decisions 007, 018): the same
 * closed loops against the main API and against other API processes (each save alone,
 * AUTOSAVE_BATCH_LIMIT=1; the general path only, AUTOSAVE_FAST_PATH=false), run by run in turn,
 * the same workers (attempts, seqs) going to one or the other.
 */
export async function autosaveAlternatives<K extends string>(
  workers: SaveWorker[],
  alternatives: Record<K, HttpTarget>,
  concurrencies: number[],
  settings: LoopSettings & { rounds: number },
): Promise<{ batched: LoopSummary[] } & Record<K, LoopSummary[]>> {
  const main = workers.map((w) => w.browser);
  const names = Object.keys(alternatives) as K[];
  const browsers = new Map(
    names.map((name) => [
      name,
      workers.map((w) => Object.assign(new Browser(alternatives[name]), { cookie: w.browser.cookie })),
    ]),
  );
  const runs = new Map<string, LoopSummary[]>([
    ['batched', []],
    ...names.map((n) => [n, []] as [string, LoopSummary[]]),
  ]);
  for (const concurrency of concurrencies) {
    for (let round = 0; round < settings.rounds; round++) {
      runs.get('batched')?.push(await autosaveRun(workers, concurrency, settings));
      for (const name of names) {
        const other = browsers.get(name) ?? [];
        workers.forEach((w, i) => {
          w.browser = other[i] ?? w.browser;
        });
        try {
          runs.get(name)?.push(await autosaveRun(workers, concurrency, settings));
        } finally {
          workers.forEach((w, i) => {
            w.browser = main[i] ?? w.browser;
          });
        }
      }
    }
  }
  return Object.fromEntries(runs) as { batched: LoopSummary[] } & Record<K, LoopSummary[]>;
}

/** The mean p99 of the runs at one concurrency. */
export function p99At(runs: LoopSummary[], concurrency: number): number {
  const at = runs.filter((r) => r.concurrency === concurrency);
  return at.length === 0 ? 0 : Math.round((at.reduce((n, r) => n + r.p99, 0) / at.length) * 10) / 10;
}

export const bestRun = (runs: LoopSummary[]): LoopSummary => runs.reduce((best, r) => (r.rps > best.rps ? r : best));

/**
 * The peak of a set of closed-loop runs: the rate sustained at the best concurrency, i.e. the mean
 * of the rounds at each concurrency, highest mean wins. Steadier than the single best run, which a
 * lucky moment can inflate; used alike for the API and for the ceilings.
 */
export function sustainedPeak(runs: LoopSummary[]): { rps: number; concurrency: number } {
  const byConcurrency = new Map<number, number[]>();
  for (const run of runs) {
    const c = run.concurrency ?? 0;
    byConcurrency.set(c, [...(byConcurrency.get(c) ?? []), run.rps]);
  }
  let best = { rps: 0, concurrency: 0 };
  for (const [concurrency, rates] of byConcurrency) {
    const rps = Math.round(rates.reduce((a, b) => a + b, 0) / rates.length);
    if (rps > best.rps) best = { rps, concurrency };
  }
  return best;
}
