// Command-line options and the two profiles: the full run and `--quick`.
import { accessSync, constants } from 'node:fs';
import { tmpdir } from 'node:os';

export interface BenchOptions {
  quick: boolean;
  candidates: number;
  poolSize: number;
  databaseUrl: string | undefined;
  /**
   * Where the embedded Postgres keeps its data: in RAM (/dev/shm) unless `--pg-data DIR` says
   * otherwise. Ignored with DATABASE_URL.
   */
  pgDataParent: string;
  phases: Set<'candidates' | 'cohort' | 'ceilings' | 'growth'>;
  /** A class sitting a mock together: how many, how long between the starts and the call to submit. */
  cohort: { candidates: number; classMs: number };
  /**
   * Closed loops (peak searches and ceilings): each run lasts this long, or this many requests;
   * ceilings and the API are measured alternately, `rounds` times, and the best run of each counts.
   */
  loop: { durationMs: number; maxRequests: number; rounds: number };
  /** Concurrencies tried for the autosave peak and the pg upsert ceiling (the best one counts). */
  saveConcurrencies: number[];
  /** Concurrency of the hello-world and GET /api/attempts/:id closed loops. */
  readConcurrency: number;
  /** How long autosaves arrive at half the peak rate (open loop), and raw upserts at half theirs: each, in 5 s slices. */
  halfPeakMs: number;
  growth: { questionSizes: number[]; attemptSizes: number[]; samples: number; warmup: number };
}

const USAGE = `usage: pnpm bench [--quick] [--candidates N] [--phases candidates,ceilings,growth] [--pg-data DIR]
  --quick           a scaled-down run (20 candidates, short loops, smaller growth cases): under two minutes
  --candidates N    concurrent candidates in the exam phase (default 100, 20 with --quick)
  --phases LIST     run only these phases: candidates,cohort,ceilings,growth (default: all)
  --pg-data DIR     keep the embedded Postgres' data in a new folder under DIR (default: /dev/shm, in RAM,
                    where it exists; else the temp dir). E.g. --pg-data /tmp to measure on this disk.
environment: DATABASE_URL (else the embedded Postgres), DATABASE_POOL_SIZE (default 10)`;

/** RAM-backed on Linux: the bench measures the app, not the host disk's flush stalls (docs/benchmarks.md). */
function defaultPgDataParent(): string {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  let quick = false;
  let candidates: number | undefined;
  let phases: BenchOptions['phases'] = new Set(['candidates', 'cohort', 'ceilings', 'growth']);
  let pgDataParent: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') continue;
    if (arg === '--quick') quick = true;
    else if (arg === '--candidates') {
      candidates = Number(argv[++i]);
      if (!Number.isInteger(candidates) || candidates < 1 || candidates > 2000) throw new Error(USAGE);
    } else if (arg === '--phases') {
      const list = (argv[++i] ?? '').split(',');
      if (!list.every((p) => ['candidates', 'cohort', 'ceilings', 'growth'].includes(p))) throw new Error(USAGE);
      phases = new Set(list as ('candidates' | 'cohort' | 'ceilings' | 'growth')[]);
    } else if (arg === '--pg-data') {
      pgDataParent = argv[++i];
      if (!pgDataParent) throw new Error(USAGE);
    } else throw new Error(USAGE);
  }
  const poolSize = Number(env.DATABASE_POOL_SIZE ?? 10);
  if (!Number.isInteger(poolSize) || poolSize < 1) throw new Error('DATABASE_POOL_SIZE must be a positive integer');
  const databaseUrl = env.DATABASE_URL || undefined;
  pgDataParent ??= defaultPgDataParent();
  return quick
    ? {
        quick,
        candidates: candidates ?? 20,
        cohort: { candidates: 100, classMs: 75_000 },
        poolSize,
        databaseUrl,
        pgDataParent,
        phases,
        loop: { durationMs: 3_000, maxRequests: 100_000, rounds: 2 },
        saveConcurrencies: [poolSize * 4],
        readConcurrency: poolSize * 4,
        halfPeakMs: 15_000,
        growth: { questionSizes: [500, 5_000], attemptSizes: [10, 1_000], samples: 30, warmup: 5 },
      }
    : {
        quick,
        candidates: candidates ?? 100,
        cohort: { candidates: 1000, classMs: 180_000 },
        poolSize,
        databaseUrl,
        pgDataParent,
        phases,
        loop: { durationMs: 8_000, maxRequests: 500_000, rounds: 2 },
        saveConcurrencies: [poolSize * 2, poolSize * 4, poolSize * 8],
        readConcurrency: poolSize * 4,
        halfPeakMs: 30_000,
        growth: { questionSizes: [500, 5_000, 50_000], attemptSizes: [10, 1_000, 10_000], samples: 100, warmup: 10 },
      };
}
