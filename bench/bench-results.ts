// The shape of a `pnpm bench` run's results (bench/results/latest.json), shared by the run and its summary.
import type { LoopSummary } from './ceilings.ts';
import type { DiskProbeSummary } from './disk-probe.ts';
import type { GrowthResult } from './growth.ts';
import type { Summary } from './latency.ts';
import type { CpuShare } from './machine-load.ts';
import type { StartupResult } from './startup.ts';
import type { HalfPeakTails } from './tail.ts';

export interface AutovacuumRun {
  table: string;
  kind: string;
  endedAtMs: number;
}

export interface BenchResults {
  quick: boolean;
  candidates: number;
  errors: number;
  errorsByPhase: Record<string, number>;
  errorExamples: string[];
  lost: number;
  answersChecked: number;
  peak: { autosaveRps: number; concurrency: number; runs: LoopSummary[] };
  endpoints: Record<string, Summary>;
  candidatePhase: { durationMs: number; endpoints: Record<string, Summary> };
  ceilings: {
    helloRps: number;
    pgUpsertRps: number;
    hello: LoopSummary;
    getAttempt: LoopSummary;
    /** The rows of GET /api/attempts/:id read with raw pg and sent with JSON.stringify (bench/hello-server.ts). */
    rawRead: LoopSummary;
    pgUpsert: { peak: LoopSummary; runs: LoopSummary[] };
    /** For reference: the upsert as a named prepared statement (as the API sends its statements). */
    pgUpsertNamed: { peak: LoopSummary; runs: LoopSummary[] };
    /** The raw upsert in an open loop at half its own peak, in slices alternating with the autosave's. */
    pgUpsertHalfPeak: HalfPeakTails['pgUpsert'] | null;
  };
  ratios: {
    autosaveVsPgUpsert: number;
    getAttemptVsHello: number;
    /** GET /api/attempts/:id over the same rows read with raw pg and JSON.stringify (target >= 0.5). */
    getAttemptVsRawRead: number;
    autosaveVsPgUpsertNamed: number;
    /** Autosave p99 over raw upsert p99, each at half its own peak, in alternating slices of one run. */
    autosaveP99VsPgUpsertP99AtHalfPeak: number;
  };
  /** Open loop at half the autosave peak (the target), with a bare-commit probe beside it. */
  autosaveHalfPeak: HalfPeakTails['autosave'] | null;
  /** Durable 8 KB writes on the host disk (the temp dir) while the open loops ran. */
  hostDiskDuringHalfPeak: DiskProbeSummary | null;
  targets: Record<string, { target: string; value: number; met: boolean }>;
  growth: (GrowthResult & { sizes: { questions: number[]; attempts: number[] } }) | null;
  config: Record<string, unknown>;
  machine: Record<string, unknown>;
  /**
   * CPU per phase (average cores): the whole machine, this run's processes (bench, API, hello
   * server, embedded Postgres), everything else, and steal. Much "other" means a disturbed phase.
   */
  machineLoad: Record<string, CpuShare>;
  /** Whether the open loop started on a fresh checkpoint, and how many checkpoints ran during it. */
  checkpoints: { beforeHalfPeak: boolean; duringHalfPeak: number | null; endOfRun?: Record<string, unknown> };
  /**
   * Autovacuum and autoanalyze runs that ended during the open loops (each competes with the saves
   * for CPU and WAL), on the clock of the commit probe's stalls; a table's last run only.
   */
  autovacuumsDuringHalfPeak: AutovacuumRun[] | null;
  /**
   * Autosaves as built (fast path, shared statements) against each sent alone on the fast path
   * (AUTOSAVE_BATCH_LIMIT=1) and against the general path only (AUTOSAVE_FAST_PATH=false), closed
   * loops in turn: each side's sustained peak and its mean p99 there (decision 018).
   */
  batching?: {
    batched: { rps: number; concurrency: number; p99: number };
    alone: { rps: number; concurrency: number; p99: number };
    generalPath: { rps: number; concurrency: number; p99: number };
    /** Sustained peak as built over each save alone. */
    capacityRatio: number;
    /** Sustained peak as built over the general path only. */
    vsGeneralPath: number;
    runs: { batched: LoopSummary[]; alone: LoopSummary[]; generalPath: LoopSummary[] };
  };
  /** A class sitting a mock together (see bench/cohort.ts). */
  cohort?: {
    candidates: number;
    classMs: number;
    endpoints: Record<string, Summary>;
    errors: number;
    lost: number;
    answersChecked: number;
  };
  /** `pnpm start` until the API answers, on a built tree (first start and restart). */
  startup?: StartupResult;
}
