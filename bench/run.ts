// `pnpm bench [--quick]`: load, ceilings and growth on the production build, against a real
// Postgres. Writes bench/results/latest.json and prints a summary. See docs/benchmarks.md.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { AutovacuumRun, BenchResults } from './bench-results.ts';
import { countLost, runCandidates } from './candidate.ts';
import {
  autosaveAlternatives,
  autosaveVsUpsert,
  bestRun,
  helloVsGetAttempt,
  type LoopSummary,
  p99At,
  prepareWorkers,
  sustainedPeak,
} from './ceilings.ts';
import { HttpTarget } from './client.ts';
import { runCohort } from './cohort.ts';
import { startDiskProbe } from './disk-probe.ts';
import { type GrowthResult, runGrowth } from './growth.ts';
import { Recorder } from './latency.ts';
import { watchCpu } from './machine-load.ts';
import { type BenchOptions, parseOptions } from './options.ts';
import {
  ensureApiBuilt,
  filesystemOf,
  ROOT,
  runningPids,
  startApi,
  startHello,
  startPostgres,
  stopAllChildren,
} from './processes.ts';
import { printSummary } from './report.ts';
import { measureStartup } from './startup.ts';
import { tailsAtHalfPeak } from './tail.ts';

const log = (line: string) => console.log(line);

/** What must be stopped however the run ends (watchdog, Ctrl-C): Postgres and the API. */
const cleanups = new Set<() => Promise<void>>();
async function cleanUp() {
  await stopAllChildren();
  for (const stop of [...cleanups].reverse()) await stop().catch(() => {});
  cleanups.clear();
}

/** CHECKPOINT (needs a superuser, as the embedded one is); false when not allowed. */
async function checkpoint(db: pg.Client): Promise<boolean> {
  try {
    await db.query('CHECKPOINT');
    return true;
  } catch {
    return false;
  }
}

/** Autovacuum and autoanalyze runs that ended after `since`, with when (ms after `since`). */
async function autovacuumsSince(db: pg.Client, since: number): Promise<AutovacuumRun[] | null> {
  try {
    const { rows } = await db.query<{ table: string; kind: string; at: string }>(
      `SELECT relname AS table, kind, (extract(epoch FROM at) * 1000)::bigint::text AS at
       FROM pg_stat_user_tables,
            LATERAL (VALUES ('vacuum', last_autovacuum), ('analyze', last_autoanalyze)) AS runs(kind, at)
       WHERE at >= to_timestamp($1 / 1000.0) ORDER BY at`,
      [since],
    );
    return rows.map((r) => ({ table: r.table, kind: r.kind, endedAtMs: Number(r.at) - since }));
  } catch {
    return null;
  }
}

/** Checkpoints completed so far (Postgres 17+), or null when the view is not there. */
async function checkpointCount(db: pg.Client): Promise<number | null> {
  try {
    const { rows } = await db.query<{ n: string }>(
      'SELECT (num_timed + num_requested)::text AS n FROM pg_stat_checkpointer',
    );
    return Number(rows[0]?.n ?? 0);
  } catch {
    return null;
  }
}

/** Other processes using more than this many cores on average during a phase: worth a re-run. */
const BUSY_OTHER_CORES = 0.2;
/** Other processes writing more than this to storage during a phase: every commit here waits longer. */
const BUSY_OTHER_WRITES_MBPS = 2;

/** The captured plans as one readable file, by series and size. */
function plansText(growth: GrowthResult): string {
  const parts: string[] = [];
  for (const [name, series] of [
    ['POST /api/attempts (mock)', growth.startMock],
    ['GET /api/stats', growth.stats],
  ] as const) {
    for (const [size, plans] of Object.entries(series.plans)) {
      parts.push(`=== ${name} with ${Number(size).toLocaleString('en')} ${series.unit} ===\n`);
      parts.push(...plans.map((p) => `${p}\n`));
    }
  }
  return parts.join('\n');
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : 0);

async function main(options: BenchOptions) {
  const runId = randomBytes(4).toString('hex');
  const load = os.loadavg();
  log(
    `bench ${options.quick ? '--quick ' : ''}run ${runId}: ${options.candidates} candidates, pool ${options.poolSize}`,
  );
  if (load[0] !== undefined && load[0] > os.cpus().length * 0.75) {
    log(`warning: the machine is busy before the run (load average ${load[0].toFixed(2)}); numbers may be low`);
  }
  ensureApiBuilt();
  const postgres = await startPostgres(options.databaseUrl, options.pgDataParent);
  cleanups.add(postgres.stop);
  const db = new pg.Client({ connectionString: postgres.url });
  const results: BenchResults = {
    quick: options.quick,
    candidates: options.candidates,
    errors: 0,
    errorsByPhase: {},
    errorExamples: [],
    lost: 0,
    answersChecked: 0,
    peak: { autosaveRps: 0, concurrency: 0, runs: [] },
    endpoints: {},
    candidatePhase: { durationMs: 0, endpoints: {} },
    ceilings: {
      helloRps: 0,
      pgUpsertRps: 0,
      hello: undefined as unknown as LoopSummary,
      getAttempt: undefined as unknown as LoopSummary,
      rawRead: undefined as unknown as LoopSummary,
      pgUpsert: { peak: undefined as unknown as LoopSummary, runs: [] },
      pgUpsertNamed: { peak: undefined as unknown as LoopSummary, runs: [] },
      pgUpsertHalfPeak: null,
    },
    ratios: {
      autosaveVsPgUpsert: 0,
      getAttemptVsHello: 0,
      getAttemptVsRawRead: 0,
      autosaveVsPgUpsertNamed: 0,
      autosaveP99VsPgUpsertP99AtHalfPeak: 0,
    },
    autosaveHalfPeak: null,
    hostDiskDuringHalfPeak: null,
    targets: {},
    growth: null,
    config: {
      databasePoolSize: options.poolSize,
      database: postgres.data
        ? `embedded Postgres, data in ${postgres.data.dir} (${postgres.data.filesystem})`
        : 'DATABASE_URL',
      loop: options.loop,
      saveConcurrencies: options.saveConcurrencies,
      readConcurrency: options.readConcurrency,
      halfPeakMs: options.halfPeakMs,
      apiLogLevel: 'warn',
    },
    machine: {},
    machineLoad: {},
    checkpoints: { beforeHalfPeak: false, duringHalfPeak: null },
    autovacuumsDuringHalfPeak: null,
  };
  const watch = (phase: string) => {
    const stop = watchCpu(() => ({ pids: runningPids(), postmaster: postgres.postmaster() }));
    return () => {
      results.machineLoad[phase] = stop();
    };
  };
  const addErrors = (phase: string, count: number, examples: string[] = []) => {
    results.errorsByPhase[phase] = (results.errorsByPhase[phase] ?? 0) + count;
    results.errors += count;
    results.errorExamples.push(...examples.slice(0, 5 - Math.min(5, results.errorExamples.length)));
  };

  try {
    await db.connect();
    const version = await db.query<{ v: string }>('SELECT current_setting($1) AS v', ['server_version']);
    results.machine = {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      postgres: version.rows[0]?.v,
      platform: `${os.type()} ${os.release()}`,
      date: new Date().toISOString(),
      loadAverageBefore: load.map((l) => Math.round(l * 100) / 100),
    };

    log('starting the API (production build)…');
    const api = await startApi(postgres.url, { DATABASE_POOL_SIZE: String(options.poolSize) });
    const target = new HttpTarget(api.url, Math.max(options.candidates, ...options.saveConcurrencies));

    if (options.phases.has('candidates')) {
      log(`candidates: ${options.candidates} at once, each a full mock…`);
      const recorder = new Recorder();
      const done = watch('candidates');
      recorder.start();
      const { outcomes, errors } = await runCandidates(options.candidates, { target, recorder, runId });
      recorder.stop();
      done();
      addErrors(
        'candidates',
        errors.length,
        errors.map((e) => `${e.step} ${e.status}: ${e.detail}`),
      );
      const lost = await countLost(db, outcomes);
      results.lost = lost.lost;
      results.answersChecked = lost.checked;
      results.errorExamples.push(...lost.examples);
      results.candidatePhase = { durationMs: Math.round(recorder.durationMs), endpoints: recorder.summaries() };
      const saves = outcomes.reduce((n, o) => n + o.saves, 0);
      const stale = outcomes.reduce((n, o) => n + o.staleSaves, 0);
      log(
        `  ${saves} saves (${stale} deliberately stale) in ${(recorder.durationMs / 1000).toFixed(1)} s; ` +
          `${errors.length} errors; ${lost.lost} of ${lost.checked} acknowledged answers lost`,
      );
    }

    if (options.phases.has('cohort')) {
      const { candidates, classMs } = options.cohort;
      log(
        `cohort: a class of ${candidates} starts a mock within 10 s, answers for ${classMs / 1000} s, submits within 10 s…`,
      );
      const recorder = new Recorder();
      const done = watch('cohort');
      const { outcomes, errors } = await runCohort({
        target,
        recorder,
        runId,
        candidates,
        classMs,
        burstMs: 10_000,
        thinkMs: { min: 5_000, max: 60_000 },
      });
      done();
      addErrors(
        'cohort',
        errors.length,
        errors.map((e) => `${e.step} ${e.status}: ${e.detail}`),
      );
      const lost = await countLost(db, outcomes);
      const endpoints = recorder.summaries();
      results.cohort = {
        candidates,
        classMs,
        endpoints,
        errors: errors.length,
        lost: lost.lost,
        answersChecked: lost.checked,
      };
      results.lost += lost.lost;
      results.errorExamples.push(...lost.examples);
      for (const [name, limit] of [
        ['start', 500],
        ['submit', 500],
        ['save', 50],
      ] as const) {
        const p99 = endpoints[name]?.p99 ?? Number.NaN;
        results.targets[`cohort ${name} p99`] = { target: `<= ${limit} ms`, value: p99, met: p99 <= limit };
      }
      results.targets['cohort errors'] = { target: '= 0', value: errors.length, met: errors.length === 0 };
      log(
        `cohort: start p99 ${endpoints.start?.p99} ms, read p99 ${endpoints.read?.p99} ms, save p99 ${endpoints.save?.p99} ms, submit p99 ${endpoints.submit?.p99} ms, ${errors.length} errors, ${lost.lost} lost of ${lost.checked}`,
      );
    }

    if (options.phases.has('ceilings')) {
      const workerCount = Math.max(...options.saveConcurrencies, options.readConcurrency);
      log(`ceilings: preparing ${workerCount} users with a mock in progress…`);
      const workers = await prepareWorkers(target, workerCount, runId);

      log('  hello-world Fastify vs GET /api/attempts/:id (closed loop)…');
      const hello = await startHello(postgres.url);
      let reads: Awaited<ReturnType<typeof helloVsGetAttempt>>;
      const readsDone = watch('hello vs GET attempt');
      try {
        reads = await helloVsGetAttempt(hello.url, workers, options.readConcurrency, options.loop);
      } finally {
        readsDone();
        await hello.stop();
      }
      addErrors('getAttempt closed loop', reads.getAttempt.errors + reads.hello.errors + reads.rawRead.errors);

      log(
        `  raw pg upsert vs autosave PUT (closed loops at ${options.saveConcurrencies.join(', ')}, ` +
          `${options.loop.rounds} rounds each)…`,
      );
      const savesDone = watch('autosave vs pg upsert');
      const saves = await autosaveVsUpsert(
        workers,
        postgres.url,
        options.poolSize,
        options.saveConcurrencies,
        options.loop,
      );
      savesDone();
      addErrors(
        'pg upsert closed loop',
        [...saves.upsert, ...saves.upsertNamed].reduce((n, r) => n + r.errors, 0),
      );
      addErrors(
        'autosave closed loop',
        saves.autosave.reduce((n, r) => n + r.errors, 0),
      );
      log('  autosaves as built vs each sent alone vs the general path only, closed loops in turn…');
      const apiWith = (env: Record<string, string>) =>
        startApi(postgres.url, { DATABASE_POOL_SIZE: String(options.poolSize), EXPIRY_SWEEP_SECONDS: '0', ...env });
      const aloneApi = await apiWith({ AUTOSAVE_BATCH_LIMIT: '1' });
      const generalApi = await apiWith({ AUTOSAVE_FAST_PATH: 'false' });
      const aloneTarget = new HttpTarget(aloneApi.url);
      const generalTarget = new HttpTarget(generalApi.url);
      const batchingDone = watch('autosave alternatives');
      try {
        const ab = await autosaveAlternatives(
          workers,
          { alone: aloneTarget, generalPath: generalTarget },
          options.saveConcurrencies,
          options.loop,
        );
        const side = (runs: LoopSummary[]) => {
          const peak = sustainedPeak(runs);
          return { ...peak, p99: p99At(runs, peak.concurrency) };
        };
        const batched = side(ab.batched);
        const alone = side(ab.alone);
        const generalPath = side(ab.generalPath);
        results.batching = {
          batched,
          alone,
          generalPath,
          capacityRatio: ratio(batched.rps, alone.rps),
          vsGeneralPath: ratio(batched.rps, generalPath.rps),
          runs: ab,
        };
        addErrors(
          'autosave alternatives',
          [...ab.batched, ...ab.alone, ...ab.generalPath].reduce((n, r) => n + r.errors, 0),
        );
        log(
          `  as built ${batched.rps}/s (p99 ${batched.p99} ms), each alone ${alone.rps}/s (p99 ${alone.p99} ms), ` +
            `general path only ${generalPath.rps}/s (p99 ${generalPath.p99} ms)`,
        );
      } finally {
        batchingDone();
        await aloneTarget.close();
        await generalTarget.close();
        await aloneApi.stop();
        await generalApi.stop();
      }

      const upsert = { peak: bestRun(saves.upsert), runs: saves.upsert };
      const peak = { peak: bestRun(saves.autosave), runs: saves.autosave };
      const autosavePeak = sustainedPeak(saves.autosave);
      const upsertPeak = sustainedPeak(saves.upsert);
      const namedPeak = sustainedPeak(saves.upsertNamed);

      const rates = { autosave: autosavePeak.rps / 2, pgUpsert: upsertPeak.rps / 2 };
      // The closed loops above wrote hundreds of MB of WAL: a checkpoint they make due would land in
      // the open loops and stall every commit while it syncs (seconds on this machine's disk; see
      // docs/benchmarks.md). So the open loops start on a fresh checkpoint, and say whether any
      // checkpoint still ran during them.
      results.checkpoints.beforeHalfPeak = await checkpoint(db);
      const before = await checkpointCount(db);
      log(
        `  at half the peaks, open loops alternating every 5 s: autosave ${Math.round(rates.autosave)}/s ` +
          `and raw pg upsert ${Math.round(rates.pgUpsert)}/s, ${options.halfPeakMs / 1000} s each…`,
      );
      const halfDone = watch('open loops at half the peaks');
      const stopDiskProbe = await startDiskProbe(os.tmpdir(), filesystemOf(os.tmpdir()));
      const tails = await tailsAtHalfPeak(workers, postgres.url, options.poolSize, rates, options.halfPeakMs).finally(
        async () => {
          results.hostDiskDuringHalfPeak = await stopDiskProbe();
        },
      );
      const half = tails.autosave;
      halfDone();
      const after = await checkpointCount(db);
      results.autovacuumsDuringHalfPeak = await autovacuumsSince(db, tails.startedAt);
      results.checkpoints.duringHalfPeak = before === null || after === null ? null : after - before;
      results.checkpoints.endOfRun = await db
        .query(
          `SELECT num_timed, num_requested, num_done, write_time, sync_time, buffers_written
           FROM pg_stat_checkpointer`,
        )
        .then((r) => r.rows[0] as Record<string, unknown>)
        .catch(() => undefined);
      addErrors('autosave open loop', half.errors);
      // Upserts dropped at the in-flight cap mean the ceiling fell behind during a stall (shown in its
      // summary); only failed upserts count as errors.
      addErrors('pg upsert open loop', tails.pgUpsert.errors - tails.pgUpsert.dropped);

      results.ceilings = {
        helloRps: reads.hello.rps,
        pgUpsertRps: upsertPeak.rps,
        hello: reads.hello,
        getAttempt: reads.getAttempt,
        rawRead: reads.rawRead,
        pgUpsert: upsert,
        pgUpsertNamed: { peak: bestRun(saves.upsertNamed), runs: saves.upsertNamed },
        pgUpsertHalfPeak: tails.pgUpsert,
      };
      results.peak = { autosaveRps: autosavePeak.rps, concurrency: autosavePeak.concurrency, runs: peak.runs };
      results.autosaveHalfPeak = half;
      results.ratios = {
        autosaveVsPgUpsert: ratio(autosavePeak.rps, upsertPeak.rps),
        getAttemptVsHello: ratio(reads.getAttempt.rps, reads.hello.rps),
        getAttemptVsRawRead: ratio(reads.getAttempt.rps, reads.rawRead.rps),
        autosaveVsPgUpsertNamed: ratio(autosavePeak.rps, namedPeak.rps),
        autosaveP99VsPgUpsertP99AtHalfPeak: ratio(half.p99, tails.pgUpsert.p99),
      };
      results.targets.autosaveVsPgUpsert = {
        target: '>= 0.3',
        value: results.ratios.autosaveVsPgUpsert,
        met: results.ratios.autosaveVsPgUpsert >= 0.3,
      };
      results.targets.getAttemptVsRawRead = {
        target: '>= 0.5',
        value: results.ratios.getAttemptVsRawRead,
        met: results.ratios.getAttemptVsRawRead >= 0.5,
      };
      results.targets.autosaveP99AtHalfPeakMs = { target: '<= 50', value: half.p99, met: half.p99 <= 50 };
    }
    await target.close();
    await api.stop();

    // The exam endpoints as the candidates met them; autosave as measured at half the peak rate.
    const phase = results.candidatePhase.endpoints;
    const { saveAnswer: _candidateSaves, ...others } = phase;
    results.endpoints = { ...others };
    if (results.autosaveHalfPeak) {
      const { p50, p95, p99, max, count, rps } = results.autosaveHalfPeak;
      results.endpoints.autosave = { count, rps, p50, p95, p99, max };
    }

    if (options.phases.has('growth')) {
      log('growth: synthetic bank and history on a fresh database…');
      const growthDone = watch('growth');
      const growth = await runGrowth(postgres, {
        ...options.growth,
        poolSize: options.poolSize,
        runId,
        log,
      });
      growthDone();
      results.growth = {
        ...growth,
        sizes: { questions: options.growth.questionSizes, attempts: options.growth.attemptSizes },
      };
      addErrors(
        'growth',
        [...growth.startMock.cases, ...growth.stats.cases].reduce((n, c) => n + c.errors, 0),
      );
      results.targets.startMockGrowth = {
        target: '<= 2',
        value: growth.startMock.ratioP50,
        met: growth.startMock.withinTarget,
      };
      results.targets.statsGrowth = { target: '<= 2', value: growth.stats.ratioP50, met: growth.stats.withinTarget };
    }
  } finally {
    await db.end().catch(() => {});
    await cleanUp();
  }

  // Last, on a quiet machine: what a user restarting the app waits for.
  results.startup = await measureStartup();
  log(`startup: first start ${results.startup.firstStartMs} ms, restart ready in ${results.startup.readyMs} ms`);
  results.targets.startup = {
    target: '<= 3000 ms',
    value: results.startup.readyMs,
    met: results.startup.readyMs <= 3000,
  };
  results.targets.errors = { target: '= 0', value: results.errors, met: results.errors === 0 };
  results.targets.lost = { target: '= 0', value: results.lost, met: results.lost === 0 };
  const dir = path.join(ROOT, 'bench/results');
  await mkdir(dir, { recursive: true });
  // `pnpm bench:web` writes its Lighthouse scores into the same file: keep them.
  const previous = JSON.parse(await readFile(path.join(dir, 'latest.json'), 'utf8').catch(() => '{}')) as {
    web?: unknown;
  };
  const json = `${JSON.stringify(previous.web ? { ...results, web: previous.web } : results, null, 2)}\n`;
  // One file: the last run of either kind (its `options` say which), plus the last `bench:web`.
  await writeFile(path.join(dir, 'latest.json'), json);
  if (results.growth) await writeFile(path.join(dir, 'latest-plans.txt'), plansText(results.growth));
  printSummary(results);
  for (const [phase, share] of Object.entries(results.machineLoad)) {
    if (
      share.otherCores > BUSY_OTHER_CORES ||
      share.stealCores > BUSY_OTHER_CORES ||
      share.otherWriteMBps > BUSY_OTHER_WRITES_MBPS
    ) {
      log(
        `warning: during "${phase}" other processes used ${share.otherCores} cores and wrote ` +
          `${share.otherWriteMBps} MB/s, the host stole ${share.stealCores} cores: the machine was busy, ` +
          'consider re-running',
      );
    }
  }
  if (!postgres.embedded) log('note: with DATABASE_URL, Postgres CPU counts as "other" in machineLoad');
  log('wrote bench/results/latest.json' + (results.growth ? ' and bench/results/latest-plans.txt' : ''));
  return Object.values(results.targets).every((t) => t.met);
}

let options: BenchOptions;
try {
  options = parseOptions(process.argv.slice(2), process.env);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
// A bound on the whole run, whatever happens inside it.
const watchdog = setTimeout(
  () => {
    console.error('bench: the run took too long; stopping');
    void cleanUp().finally(() => process.exit(1));
  },
  options.quick ? 5 * 60_000 : 40 * 60_000,
);
watchdog.unref();
process.on('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
main(options).then(
  (met) => process.exit(met ? 0 : 1),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
