// One simulated candidate sitting a full mock through the public API, the way the web app does it,
// and the check that afterwards every acknowledged answer is in the database exactly as acknowledged.

import { seededRandom } from '@saa/api/for-benchmarks';
import type { AttemptResponse, ReviewResponse, SaveAnswerResponse } from '@saa/contract/attempts';
import type { Browser, HttpTarget } from './client.ts';
import { Browser as BrowserImpl } from './client.ts';
import type { Recorder } from './latency.ts';

export const BENCH_PASSWORD = 'bench-password-123';

export interface Acknowledged {
  selected: string[];
  flagged: boolean;
  seq: number;
}

export interface CandidateOutcome {
  email: string;
  attemptId: string | null;
  /** Per position: the last answer the server acknowledged as applied. */
  acknowledged: Map<number, Acknowledged>;
  saves: number;
  staleSaves: number;
}

export interface FlowError {
  step: string;
  status: number;
  detail: string;
}

export interface CandidateOptions {
  target: HttpTarget;
  recorder: Recorder;
  /** Distinguishes this run's accounts from any earlier run's. */
  runId: string;
  /** Share of questions answered a second time (a change of mind, with a higher seq). */
  reanswerRate?: number;
  /** Share of saves followed by a stale one (an old seq, as a retried request would send). */
  staleRate?: number;
  seed?: number;
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
const sameAnswer = (a: Acknowledged, b: Acknowledged) =>
  sameSet(a.selected, b.selected) && a.flagged === b.flagged && a.seq === b.seq;

function pick(ids: string[], count: number, random: () => number): string[] {
  const pool = [...ids];
  const chosen: string[] = [];
  while (chosen.length < count && pool.length > 0) chosen.push(...pool.splice(Math.floor(random() * pool.length), 1));
  return chosen;
}

class Flow {
  readonly errors: FlowError[] = [];
  readonly outcome: CandidateOutcome;
  private readonly browser: Browser;
  private readonly random: () => number;
  private seq = 0;

  constructor(
    private readonly options: CandidateOptions,
    index: number,
  ) {
    this.browser = new BrowserImpl(options.target);
    this.random = seededRandom((options.seed ?? 1) * 100_003 + index);
    this.outcome = {
      email: `bench-${options.runId}-${index}@example.test`,
      attemptId: null,
      acknowledged: new Map(),
      saves: 0,
      staleSaves: 0,
    };
  }

  private fail(step: string, status: number, detail: unknown) {
    const text = typeof detail === 'string' ? detail : JSON.stringify(detail);
    this.errors.push({ step, status, detail: text.slice(0, 300) });
  }

  /** Times one request under `name`; a status other than `expected` is an error. */
  private async call<T>(
    name: string,
    expected: number,
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: unknown,
  ): Promise<T | null> {
    const start = performance.now();
    let res: Awaited<ReturnType<Browser['send']>>;
    try {
      res = await this.browser.send(method, path, body);
    } catch (error) {
      this.options.recorder.add(name, performance.now() - start);
      this.fail(name, 0, (error as Error).message);
      return null;
    }
    this.options.recorder.add(name, performance.now() - start);
    if (res.status !== expected) {
      this.fail(name, res.status, res.body);
      return null;
    }
    return res.body as T;
  }

  private async save(attemptId: string, position: number, answer: Omit<Acknowledged, 'seq'>, seq: number) {
    this.outcome.saves++;
    return this.call<SaveAnswerResponse>('saveAnswer', 200, 'PUT', `/api/attempts/${attemptId}/answers/${position}`, {
      ...answer,
      seq,
    });
  }

  /** A save with a new, higher seq: must be applied and echo what was sent. */
  private async answer(attemptId: string, position: number, answer: Omit<Acknowledged, 'seq'>) {
    this.seq += 1;
    const res = await this.save(attemptId, position, answer, this.seq);
    if (!res) return;
    const sent = { ...answer, seq: this.seq };
    if (!res.applied || !sameAnswer(res.answer, sent)) {
      this.fail('saveAnswer', 200, { expected: 'applied', sent, got: res });
      return;
    }
    this.outcome.acknowledged.set(position, res.answer);
  }

  /** A save with an old seq: must answer 200 applied:false with the stored (last acknowledged) answer. */
  private async stale(attemptId: string, position: number, answer: Omit<Acknowledged, 'seq'>) {
    const last = this.outcome.acknowledged.get(position);
    if (!last) return;
    this.outcome.staleSaves++;
    const seq = this.random() < 0.5 ? last.seq : Math.max(0, last.seq - 1 - Math.floor(this.random() * 5));
    const res = await this.save(attemptId, position, answer, seq);
    if (!res) return;
    if (res.applied || !sameAnswer(res.answer, last)) {
      this.fail('saveAnswer', 200, { expected: 'stale (applied: false)', last, got: res });
    }
  }

  /** What the server shows must be exactly what it acknowledged. */
  private checkShown(step: string, shown: { position: number; answer: Acknowledged | null }[]) {
    for (const q of shown) {
      const ack = this.outcome.acknowledged.get(q.position);
      const ok = ack ? q.answer !== null && sameAnswer(q.answer, ack) : q.answer === null;
      if (!ok) this.fail(step, 200, { position: q.position, acknowledged: ack ?? null, shown: q.answer });
    }
  }

  async run(): Promise<void> {
    const { email } = this.outcome;
    const credentials = { email, password: BENCH_PASSWORD };
    if (!(await this.call('signup', 201, 'POST', '/api/auth/signup', credentials))) return;
    if (!(await this.call('login', 200, 'POST', '/api/auth/login', credentials))) return;
    const attempt = await this.call<AttemptResponse>('startMock', 201, 'POST', '/api/attempts', { mode: 'mock' });
    if (!attempt) return;
    this.outcome.attemptId = attempt.id;
    if (attempt.questions.length !== 65) this.fail('startMock', 201, `a mock of ${attempt.questions.length} questions`);

    const options = (q: AttemptResponse['questions'][number]) => q.options.map((o) => o.id);
    const resumeAt = Math.floor(attempt.questions.length / 2);
    for (const q of attempt.questions) {
      const first = { selected: pick(options(q), q.choose, this.random), flagged: this.random() < 0.1 };
      await this.answer(attempt.id, q.position, first);
      if (this.random() < (this.options.staleRate ?? 0.05)) {
        await this.stale(attempt.id, q.position, { selected: pick(options(q), q.choose, this.random), flagged: true });
      }
      if (this.random() < (this.options.reanswerRate ?? 0.2)) {
        const second = { selected: pick(options(q), q.choose, this.random), flagged: this.random() < 0.3 };
        await this.answer(attempt.id, q.position, second);
      }
      if (q.position === resumeAt) {
        // A reload in the middle of the exam: everything saved so far comes back.
        const resumed = await this.call<AttemptResponse>('getAttempt', 200, 'GET', `/api/attempts/${attempt.id}`);
        if (resumed) this.checkShown('getAttempt', resumed.questions);
      }
    }

    const submitted = await this.call<{ result: { total: number; answered: number } }>(
      'submit',
      200,
      'POST',
      `/api/attempts/${attempt.id}/submit`,
    );
    if (submitted) {
      const answered = [...this.outcome.acknowledged.values()].filter((a) => a.selected.length > 0).length;
      if (submitted.result.total !== 65 || submitted.result.answered !== answered) {
        this.fail('submit', 200, { answered, result: submitted.result });
      }
    }
    const review = await this.call<ReviewResponse>('review', 200, 'GET', `/api/attempts/${attempt.id}/review`);
    if (review) {
      this.checkShown(
        'review',
        review.items.map((item) => {
          const ack = this.outcome.acknowledged.get(item.position);
          // The review has no seq; compare the selection and flag against the acknowledged answer.
          return {
            position: item.position,
            answer: ack ? { selected: item.selected, flagged: item.flagged, seq: ack.seq } : null,
          };
        }),
      );
    }
    await this.call('stats', 200, 'GET', '/api/stats');
  }
}

/** Runs `count` candidates at once; resolves when all have finished (each is bounded: one mock). */
export async function runCandidates(
  count: number,
  options: CandidateOptions,
): Promise<{ outcomes: CandidateOutcome[]; errors: FlowError[] }> {
  const flows = Array.from({ length: count }, (_, i) => new Flow(options, i));
  await Promise.all(flows.map((f) => f.run()));
  return { outcomes: flows.map((f) => f.outcome), errors: flows.flatMap((f) => f.errors) };
}

export interface Queryable {
  query<R extends Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

/**
 * Reads every attempt item of the candidates' attempts from the database and counts the
 * acknowledged answers not stored exactly as last acknowledged (selection, flag and seq).
 */
export async function countLost(
  db: Queryable,
  outcomes: CandidateOutcome[],
): Promise<{ checked: number; lost: number; examples: string[] }> {
  const ids = outcomes.map((o) => o.attemptId).filter((id): id is string => id !== null);
  const { rows } = await db.query<{ id: string; position: number; selected: string[]; flagged: boolean; seq: number }>(
    `SELECT attempt_id::text AS id, position, selected, flagged, seq
     FROM attempt_items WHERE attempt_id = ANY($1::uuid[])`,
    [ids],
  );
  const stored = new Map(rows.map((r) => [`${r.id}/${r.position}`, r]));
  let checked = 0;
  let lost = 0;
  const examples: string[] = [];
  for (const outcome of outcomes) {
    if (!outcome.attemptId) continue;
    for (const [position, ack] of outcome.acknowledged) {
      checked++;
      const row = stored.get(`${outcome.attemptId}/${position}`);
      if (row && sameAnswer({ selected: row.selected, flagged: row.flagged, seq: row.seq }, ack)) continue;
      lost++;
      if (examples.length < 5) {
        examples.push(
          `${outcome.attemptId}/${position}: acknowledged ${JSON.stringify(ack)}, stored ${JSON.stringify(row ?? null)}`,
        );
      }
    }
  }
  return { checked, lost, examples };
}
