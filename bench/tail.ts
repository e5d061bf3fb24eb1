// Tail latency at half the peak (open loops): autosave against the raw pg upsert ceiling, in
// alternating slices so that both meet the same machine and the same disk, with a bare-commit
// probe beside them that shows when Postgres could not commit anything quickly.
import pg from 'pg';
import { type LoopSummary, loopSummary, openUpsertCeiling, type SaveWorker, saveNext } from './ceilings.ts';
import { quantile } from './latency.ts';
import { type LoopResult, openLoop, type Work } from './load.ts';

/** A request slower than this misses the autosave target; a bare commit slower than this is a stall. */
const SLOW_MS = 50;
const PROBE_RATE = 50;
/** Each side runs this long before the other takes over. */
const SLICE_MS = 5_000;
/**
 * Each side first runs this long unmeasured. The phase starts on a fresh CHECKPOINT (see run.ts),
 * after which the first change to every page writes a full-page image to the WAL: a burst that
 * follows every checkpoint, not the steady state measured here.
 */
const WARMUP_MS = 3_000;

export interface OpenLoopSummary extends LoopSummary {
  offeredRps: number;
  dropped: number;
  p999: number;
  over50ms: number;
  /** How late the load generator itself sent requests (p99, ms): part of the latencies. */
  sendLagP99: number;
}

/** A probe's timings: one small durable write (a commit, a synced block) at a fixed rate. */
export interface ProbeSummary {
  ratePerSecond: number;
  count: number;
  p50: number;
  p99: number;
  max: number;
  /** Probe writes that took over 50 ms. */
  over50ms: number;
}

/** What a bare commit met while the open loops ran. */
export interface CommitProbeSummary extends ProbeSummary {
  /**
   * Stalls: when probe commits took over 50 ms, as [first due, last answered] in ms from the start of
   * the open loops (probes queued behind a slow one overlap it and count as the same stall).
   */
  stalls: [number, number][];
  /** How many of those stalls began during the autosave slices, and during the raw upsert slices. */
  stallsBySide: { autosave: number; pgUpsert: number };
  /** The slices, [start, end] in ms on the same clock, for reading the stalls against. */
  slices: { autosave: [number, number][]; pgUpsert: [number, number][] };
  /** Autosaves over 50 ms that were due during a stall or while its backlog drained. */
  slowSavesInStalls: number;
}

export interface HalfPeakTails {
  /** Wall-clock time (epoch ms) of 0 ms on the clock of stalls and slices. */
  startedAt: number;
  autosave: OpenLoopSummary & { commitProbe: CommitProbeSummary };
  pgUpsert: OpenLoopSummary;
}

type TimedRun = LoopResult & { dropped: number; sendLags: number[]; dueAt: number[] };

const round = (n: number) => Math.round(n * 100) / 100;
const sortedOf = (values: number[]) => [...values].sort((a, b) => a - b);

/**
 * A bare single-row commit, 50 times a second on a connection of its own (not through the API):
 * when it takes over 50 ms, Postgres could not commit anything quickly at that moment (on a shared
 * virtual disk: the WAL write took that long), whatever the API does.
 */
async function startCommitProbe(databaseUrl: string) {
  const stop = new AbortController();
  // One connection; a probe due while the previous one is still committing waits its turn.
  const client = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  await client.query('CREATE TABLE IF NOT EXISTS bench_commit_probe (id int PRIMARY KEY, n bigint NOT NULL)');
  const run = openLoop(
    async (i) => {
      await client.query({
        name: 'bench_commit_probe',
        text: 'INSERT INTO bench_commit_probe (id, n) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET n = EXCLUDED.n',
        values: [i],
      });
      return true;
    },
    // Until stopped (an hour at most).
    { ratePerSecond: PROBE_RATE, durationMs: 3_600_000, maxInFlight: 10_000, signal: stop.signal },
  );
  return async () => {
    stop.abort();
    const result = await run;
    await client.query('DROP TABLE IF EXISTS bench_commit_probe').catch(() => {});
    await client.end();
    return result;
  };
}

/** Slices of one side's open loop as one run, due times on the common clock of the whole phase. */
function merge(slices: { run: TimedRun; offset: number }[]): TimedRun {
  const merged: TimedRun = {
    durationMs: 0,
    completed: 0,
    errors: 0,
    latencies: [],
    rps: 0,
    dropped: 0,
    sendLags: [],
    dueAt: [],
  };
  for (const { run, offset } of slices) {
    merged.durationMs += run.durationMs;
    merged.completed += run.completed;
    merged.errors += run.errors;
    merged.dropped += run.dropped;
    merged.latencies.push(...run.latencies);
    merged.sendLags.push(...run.sendLags);
    merged.dueAt.push(...run.dueAt.map((due) => due + offset));
  }
  merged.rps = merged.durationMs > 0 ? (merged.completed * 1000) / merged.durationMs : 0;
  return merged;
}

function summarizeOpen(run: TimedRun, offeredRps: number, warmupFailures: number): OpenLoopSummary {
  const sorted = sortedOf(run.latencies);
  const summary = loopSummary(run);
  return {
    ...summary,
    errors: summary.errors + warmupFailures,
    offeredRps: Math.round(offeredRps),
    dropped: run.dropped,
    p999: round(quantile(sorted, 0.999)),
    over50ms: sorted.filter((ms) => ms > SLOW_MS).length,
    sendLagP99: round(quantile(sortedOf(run.sendLags), 0.99)),
  };
}

/**
 * A probe run's timings, and its stalls: the [due, answered] spans of the probes over 50 ms,
 * merged where they overlap (probes queued behind a slow one count as the same stall).
 */
export function summarizeProbe(
  run: { completed: number; latencies: number[]; dueAt: number[] },
  ratePerSecond: number,
): { summary: ProbeSummary; stalls: [number, number][] } {
  const slow = run.latencies
    .map((ms, i): [number, number] => [run.dueAt[i] as number, (run.dueAt[i] as number) + ms])
    .filter(([from, to]) => to - from > SLOW_MS);
  const sorted = sortedOf(run.latencies);
  return {
    summary: {
      ratePerSecond,
      count: run.completed,
      p50: round(quantile(sorted, 0.5)),
      p99: round(quantile(sorted, 0.99)),
      max: round(sorted.at(-1) ?? Number.NaN),
      over50ms: slow.length,
    },
    stalls: mergeOverlapping(slow),
  };
}

/** Intervals merged where they overlap, in order. */
function mergeOverlapping(intervals: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [from, to] of [...intervals].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/**
 * Slow autosaves that a stall accounts for: due from just before a stall began until as long again
 * after it ended. At half the peak rate a backlog drains at the rate it arrives, so a stall of s ms
 * leaves about s ms of queueing behind it.
 */
function slowSavesInStalls(run: TimedRun, stalls: [number, number][]): number {
  let count = 0;
  run.latencies.forEach((ms, i) => {
    const due = run.dueAt[i] as number;
    if (ms > SLOW_MS && stalls.some(([from, to]) => due >= from - SLOW_MS && due <= to + (to - from))) count++;
  });
  return count;
}

/**
 * Autosaves at half the autosave peak and raw upserts at half the upsert peak, each an open loop
 * (fixed arrival rate) for `durationMs` in all, alternating every 5 s after a 3 s warm-up each; a
 * commit probe runs beside them throughout. The autosaves are spread over the workers' attempts,
 * the upserts over as many keys, both with the API's pool size. Requests that fail during the
 * warm-up count as errors too.
 */
export async function tailsAtHalfPeak(
  workers: SaveWorker[],
  databaseUrl: string,
  poolSize: number,
  rates: { autosave: number; pgUpsert: number },
  durationMs: number,
): Promise<HalfPeakTails> {
  const ceiling = await openUpsertCeiling(databaseUrl, poolSize, workers.length);
  const sides: {
    work: Work;
    rate: number;
    warmupFailures: number;
    slices: { run: TimedRun; offset: number; end: number }[];
  }[] = [
    {
      work: (i) => saveNext(workers[i % workers.length] as SaveWorker),
      rate: rates.autosave,
      warmupFailures: 0,
      slices: [],
    },
    { work: (i, w) => ceiling.upsert(i, w), rate: rates.pgUpsert, warmupFailures: 0, slices: [] },
  ];
  const sliceCount = Math.max(1, Math.round(durationMs / SLICE_MS));
  for (const side of sides) {
    const warmup = await openLoop(side.work, { ratePerSecond: side.rate, durationMs: WARMUP_MS, maxInFlight: 2_000 });
    side.warmupFailures = warmup.errors - warmup.dropped;
  }
  const stopProbe = await startCommitProbe(databaseUrl);
  const start = performance.now();
  const startedAt = Date.now();
  let probe: TimedRun;
  try {
    for (let slice = 0; slice < sliceCount; slice++) {
      for (const side of sides) {
        const offset = performance.now() - start;
        const run = await openLoop(side.work, {
          ratePerSecond: side.rate,
          durationMs: durationMs / sliceCount,
          maxInFlight: 2_000,
        });
        side.slices.push({ run, offset, end: performance.now() - start });
      }
    }
  } finally {
    probe = await stopProbe();
    await ceiling.close();
  }
  const [autosaveSide, upsertSide] = sides as [(typeof sides)[0], (typeof sides)[0]];
  const autosave = merge(autosaveSide.slices);
  const { summary: probeSummary, stalls } = summarizeProbe(probe, PROBE_RATE);
  const windows = (side: (typeof sides)[number]) =>
    side.slices.map(({ offset, end }): [number, number] => [Math.round(offset), Math.round(end)]);
  const during = (side: (typeof sides)[number]) =>
    stalls.filter(([from]) => side.slices.some(({ offset, end }) => from >= offset && from < end)).length;
  return {
    startedAt,
    autosave: {
      ...summarizeOpen(autosave, rates.autosave, autosaveSide.warmupFailures),
      commitProbe: {
        ...probeSummary,
        stalls: stalls.map(([from, to]) => [Math.round(from), Math.round(to)]),
        stallsBySide: { autosave: during(autosaveSide), pgUpsert: during(upsertSide) },
        slices: { autosave: windows(autosaveSide), pgUpsert: windows(upsertSide) },
        slowSavesInStalls: slowSavesInStalls(autosave, stalls),
      },
    },
    pgUpsert: summarizeOpen(merge(upsertSide.slices), rates.pgUpsert, upsertSide.warmupFailures),
  };
}
