/** Latency samples per endpoint, kept exactly (sorted arrays, no histogram buckets). */

export interface Summary {
  count: number;
  /** Requests per second over the phase the samples were taken in. */
  rps: number;
  /** Milliseconds. */
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The value at quantile q of ascending `sorted` (nearest rank). */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

export function summarize(samples: number[], durationMs: number): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    rps: durationMs > 0 ? Math.round((sorted.length * 1000) / durationMs) : 0,
    p50: round(quantile(sorted, 0.5)),
    p95: round(quantile(sorted, 0.95)),
    p99: round(quantile(sorted, 0.99)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

/** Collects latencies by endpoint name during one phase. */
export class Recorder {
  readonly samples = new Map<string, number[]>();
  private startedAt = performance.now();
  private endedAt: number | null = null;

  start(): void {
    this.startedAt = performance.now();
    this.endedAt = null;
  }

  stop(): void {
    this.endedAt = performance.now();
  }

  get durationMs(): number {
    return (this.endedAt ?? performance.now()) - this.startedAt;
  }

  add(name: string, ms: number): void {
    let list = this.samples.get(name);
    if (!list) {
      list = [];
      this.samples.set(name, list);
    }
    list.push(ms);
  }

  /** Times `work` under `name` (also when it throws). */
  async time<T>(name: string, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.add(name, performance.now() - start);
    }
  }

  summaries(): Record<string, Summary> {
    const duration = this.durationMs;
    return Object.fromEntries([...this.samples].map(([name, list]) => [name, summarize(list, duration)]));
  }
}
