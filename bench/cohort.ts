// A class sitting a mock together: everyone signs in, starts within 10 s of each other, answers
// with human think times, and submits within 10 s of each other when the teacher calls time.
// What a candidate feels then (start, page read, save, submit) and whether any answer was lost.

import { seededRandom } from '@saa/api/for-benchmarks';
import type { AttemptResponse, SaveAnswerResponse } from '@saa/contract/attempts';
import { type Acknowledged, BENCH_PASSWORD, type CandidateOutcome, type FlowError } from './candidate.ts';
import { Browser, type HttpTarget } from './client.ts';
import type { Recorder } from './latency.ts';

export interface CohortOptions {
  target: HttpTarget;
  recorder: Recorder;
  runId: string;
  candidates: number;
  /** From the first start to the call to submit. */
  classMs: number;
  /** Starts (and submits) spread over this window. */
  burstMs: number;
  thinkMs: { min: number; max: number };
  seed?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

class Student {
  readonly errors: FlowError[] = [];
  readonly outcome: CandidateOutcome;
  private readonly browser: Browser;
  private readonly random: () => number;
  private seq = 0;

  constructor(
    private readonly options: CohortOptions,
    index: number,
  ) {
    this.browser = new Browser(options.target);
    this.random = seededRandom((options.seed ?? 7) * 100_019 + index);
    this.outcome = {
      email: `cohort-${options.runId}-${index}@example.test`,
      attemptId: null,
      acknowledged: new Map(),
      saves: 0,
      staleSaves: 0,
    };
  }

  private async call<T>(name: string, expected: number, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) {
    const start = performance.now();
    try {
      const res = await this.browser.send(method, path, body);
      this.options.recorder.add(name, performance.now() - start);
      if (res.status === expected) return res.body as T;
      this.errors.push({ step: name, status: res.status, detail: JSON.stringify(res.body).slice(0, 300) });
    } catch (error) {
      this.options.recorder.add(name, performance.now() - start);
      this.errors.push({ step: name, status: 0, detail: (error as Error).message });
    }
    return null;
  }

  /** Before class: an account and a session (not part of the class's numbers). */
  async signIn(): Promise<boolean> {
    const credentials = { email: this.outcome.email, password: BENCH_PASSWORD };
    return (await this.call('signup', 201, 'POST', '/api/auth/signup', credentials)) !== null;
  }

  async sit(classStart: number): Promise<void> {
    const { burstMs, classMs, thinkMs } = this.options;
    await sleep(classStart + this.random() * burstMs - performance.now());
    const attempt = await this.call<AttemptResponse>('start', 201, 'POST', '/api/attempts', { mode: 'mock' });
    if (!attempt) return;
    this.outcome.attemptId = attempt.id;
    // The exam page loads the attempt (a reload or a second tab does the same).
    await this.call('read', 200, 'GET', `/api/attempts/${attempt.id}`);

    const submitAt = classStart + classMs + this.random() * burstMs;
    let next = 0;
    for (;;) {
      const think = thinkMs.min + this.random() * (thinkMs.max - thinkMs.min);
      if (performance.now() + think >= submitAt) break;
      await sleep(think);
      const q = attempt.questions[next % attempt.questions.length];
      next += 1;
      if (!q) break;
      const ids = q.options.map((o) => o.id);
      const selected = [...ids].sort(() => this.random() - 0.5).slice(0, q.choose);
      this.seq += 1;
      this.outcome.saves++;
      const res = await this.call<SaveAnswerResponse>(
        'save',
        200,
        'PUT',
        `/api/attempts/${attempt.id}/answers/${q.position}`,
        {
          selected,
          flagged: false,
          seq: this.seq,
        },
      );
      if (res?.applied) this.outcome.acknowledged.set(q.position, res.answer as Acknowledged);
    }
    await sleep(submitAt - performance.now());
    await this.call('submit', 200, 'POST', `/api/attempts/${attempt.id}/submit`);
  }
}

export async function runCohort(
  options: CohortOptions,
): Promise<{ outcomes: CandidateOutcome[]; errors: FlowError[] }> {
  const students = Array.from({ length: options.candidates }, (_, i) => new Student(options, i));
  // Accounts are made before class, a few at a time (password hashing is deliberately slow).
  for (let i = 0; i < students.length; i += 8) await Promise.all(students.slice(i, i + 8).map((s) => s.signIn()));
  options.recorder.start();
  const classStart = performance.now() + 1_000;
  await Promise.all(students.map((s) => s.sit(classStart)));
  options.recorder.stop();
  return { outcomes: students.map((s) => s.outcome), errors: students.flatMap((s) => s.errors) };
}
