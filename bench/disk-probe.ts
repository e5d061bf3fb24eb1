// The host disk beside the open loops: how long one small durable write took, 50 times a second.
// With the database in RAM (the default), this is what every commit would have waited for had the
// database been on this disk.
import { mkdtemp, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { openLoop } from './load.ts';
import { type ProbeSummary, summarizeProbe } from './tail.ts';

const RATE = 50;
const BLOCK = 8192;
const FILE_SIZE = 1024 * 1024;

export interface DiskProbeSummary extends ProbeSummary {
  dir: string;
  filesystem: string;
  /** Time covered by writes over 50 ms (overlapping ones counted once), as a share of the probe's time. */
  stalledShare: number;
}

/**
 * Writes one 8 KB block and fdatasyncs it, 50 times a second (open loop: a stalled write does not
 * hold back the next ones), in a scratch file under `dir`, until the returned function is called.
 */
export async function startDiskProbe(dir: string, filesystem: string) {
  const folder = await mkdtemp(path.join(dir, 'saa-bench-disk-'));
  const file = await open(path.join(folder, 'probe'), 'w+');
  // Written and synced once up front: the probe then overwrites allocated blocks, as Postgres does
  // with its preallocated WAL segments, so a sync has no file metadata to flush.
  await file.write(Buffer.alloc(FILE_SIZE), 0, FILE_SIZE, 0);
  await file.sync();
  const block = Buffer.alloc(BLOCK, 1);
  const stop = new AbortController();
  const start = performance.now();
  const run = openLoop(
    async (i) => {
      await file.write(block, 0, BLOCK, (i * BLOCK) % FILE_SIZE);
      await file.datasync();
      return true;
    },
    { ratePerSecond: RATE, durationMs: 3_600_000, maxInFlight: 10_000, signal: stop.signal },
  );
  return async (): Promise<DiskProbeSummary> => {
    stop.abort();
    const result = await run;
    const elapsed = performance.now() - start;
    await file.close();
    await rm(folder, { recursive: true, force: true });
    const { summary, stalls } = summarizeProbe(result, RATE);
    const stalled = stalls.reduce((total, [from, to]) => total + (to - from), 0);
    return {
      dir,
      filesystem,
      ...summary,
      stalledShare: elapsed > 0 ? Math.round((stalled / elapsed) * 10_000) / 10_000 : 0,
    };
  };
}
