// Load loops. Every loop is bounded twice: by a request count and by wall-clock time.

export interface LoopResult {
  durationMs: number;
  completed: number;
  errors: number;
  /** Milliseconds per request (open loop: from the moment it was due, so queueing counts). */
  latencies: number[];
  rps: number;
}

/** One request: resolves true on success, false on a failed (counted) response. */
export type Work = (index: number, worker: number) => Promise<boolean>;

/**
 * Closed loop, no think time: `concurrency` workers each send their next request as soon as the
 * previous one is answered. Measures the peak rate the server sustains at that concurrency.
 */
export async function closedLoop(
  work: Work,
  options: { concurrency: number; durationMs: number; maxRequests: number },
): Promise<LoopResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const start = performance.now();
  const end = start + options.durationMs;
  const worker = async (id: number) => {
    while (next < options.maxRequests && performance.now() < end) {
      const index = next++;
      const t0 = performance.now();
      let ok = false;
      try {
        ok = await work(index, id);
      } catch {
        ok = false;
      }
      latencies.push(performance.now() - t0);
      if (!ok) errors++;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, i) => worker(i)));
  const durationMs = performance.now() - start;
  return { durationMs, completed: latencies.length, errors, latencies, rps: (latencies.length * 1000) / durationMs };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Open loop: requests are due at a fixed rate whatever the server does (as real users would
 * arrive), for `durationMs`. Latency is measured from when each request was due, so a server or
 * client that falls behind shows it in the percentiles (no coordinated omission). A request that
 * would exceed `maxInFlight` is not sent and counts as an error; after the schedule ends, stragglers
 * get `drainMs` to finish. An aborted `signal` ends the schedule early.
 */
export async function openLoop(
  work: Work,
  options: { ratePerSecond: number; durationMs: number; maxInFlight: number; drainMs?: number; signal?: AbortSignal },
): Promise<LoopResult & { dropped: number; offeredRps: number; sendLags: number[]; dueAt: number[] }> {
  const total = Math.max(1, Math.floor((options.ratePerSecond * options.durationMs) / 1000));
  const interval = 1000 / options.ratePerSecond;
  const latencies: number[] = [];
  /** How late each request left, by the load generator's own fault (busy event loop, GC). */
  const lags: number[] = [];
  /** When each latency's request was due (ms from the start), in the same order as `latencies`. */
  const dueAt: number[] = [];
  const pending = new Set<Promise<void>>();
  let errors = 0;
  let dropped = 0;
  const start = performance.now();
  let index = 0;
  while (index < total && !options.signal?.aborted) {
    const now = performance.now();
    // Send everything that is due by now (timers are coarse; this keeps the rate exact).
    while (index < total && start + index * interval <= now) {
      const due = start + index * interval;
      if (pending.size >= options.maxInFlight) {
        dropped++;
        errors++;
      } else {
        lags.push(performance.now() - due);
        const p: Promise<void> = work(index, index)
          .catch(() => false)
          .then((ok) => {
            latencies.push(performance.now() - due);
            dueAt.push(due - start);
            if (!ok) errors++;
            pending.delete(p);
          });
        pending.add(p);
      }
      index++;
    }
    if (index < total && !options.signal?.aborted)
      await sleep(Math.max(0, start + index * interval - performance.now()));
  }
  const drain = Promise.all(pending);
  await Promise.race([drain, sleep(options.drainMs ?? 10_000)]);
  errors += pending.size;
  const durationMs = performance.now() - start;
  return {
    durationMs,
    completed: latencies.length,
    errors,
    dropped,
    latencies: [...latencies],
    rps: (latencies.length * 1000) / durationMs,
    offeredRps: options.ratePerSecond,
    sendLags: lags,
    dueAt: [...dueAt],
  };
}
