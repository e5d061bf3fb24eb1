import { randomBytes } from 'node:crypto';
import { type AttemptQuestion, type AttemptResponse, SubmitResponse } from '@saa/contract/attempts';
import type { Question } from '@saa/contract/question';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import request, { type Agent as TestAgent } from 'supertest';
import { testDatabaseUrl } from './build-test-app.ts';

let counter = 0;

/** A valid single-answer bank question; override any field. */
export function questionFactory(overrides: Partial<Question> = {}): Question {
  counter += 1;
  return {
    id: `factory-question-${counter}`,
    section: 'rds-multi-az',
    domain: 'resilient',
    type: 'single',
    stem: `Factory question number ${counter}: which option is the right one?`,
    options: ['a', 'b', 'c', 'd'].map((id) => ({
      id,
      text: `Option ${id.toUpperCase()} of question ${counter}`,
      correct: id === 'b',
      rationale: id === 'b' ? 'This is the keyed option.' : 'This option is a distractor.',
    })),
    explanation: 'Explains why option B is the keyed answer.',
    difficulty: 2,
    style: 'scenario',
    references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html'],
    ...overrides,
  };
}

let userCounter = 0;

export const TEST_PASSWORD = 'correct horse battery';

/** A fresh, unique email per call (test files share nothing, but tests in a file share a database). */
export function uniqueEmail(prefix = 'user'): string {
  userCounter += 1;
  return `${prefix}-${userCounter}-${randomBytes(4).toString('hex')}@example.test`;
}

export interface SignedIn {
  agent: TestAgent;
  user: { id: string; email: string; createdAt: string };
  email: string;
  password: string;
}

/** Signs up a new user through the API and returns a supertest agent that carries the session cookie. */
export async function signedInAgent(app: FastifyInstance, email = uniqueEmail()): Promise<SignedIn> {
  const agent = request.agent(app.server);
  const res = await agent.post('/api/auth/signup').send({ email, password: TEST_PASSWORD }).expect(201);
  return { agent, user: res.body.user, email, password: TEST_PASSWORD };
}

/** A question of a running attempt, with the bank id the API never sends before the review (tests only). */
export type KnownQuestion = AttemptQuestion & { questionId: string };
export type KnownAttempt = Omit<AttemptResponse, 'questions'> & { questions: KnownQuestion[] };

let bankIdReader: { url: string; pool: pg.Pool } | null = null;

/** Adds each question's bank id, read from the database: what tests know and browsers never see. */
export async function withBankIds(attempt: AttemptResponse): Promise<KnownAttempt> {
  // One pool per test file's database (a worker may run several files, each on its own database).
  const url = testDatabaseUrl();
  if (bankIdReader?.url !== url) {
    void bankIdReader?.pool.end();
    const pool = new pg.Pool({ connectionString: url, max: 2, idleTimeoutMillis: 1000 });
    // The file's database is dropped when its tests finish: idle clients then get "terminating
    // connection", which must not count as an unhandled error of the test run.
    pool.on('error', () => {});
    bankIdReader = { url, pool };
  }
  const { rows } = await bankIdReader.pool.query<{ position: number; question_id: string }>(
    'SELECT position, question_id FROM attempt_items WHERE attempt_id = $1::uuid',
    [attempt.id],
  );
  const ids = new Map(rows.map((r) => [r.position, r.question_id]));
  return {
    ...attempt,
    questions: attempt.questions.map((q) => ({ ...q, questionId: ids.get(q.position) ?? '' })),
  };
}

/** Starts an attempt for the agent's user and returns the AttemptResponse, with bank ids added for the test. */
export async function startAttempt(agent: TestAgent, body: Record<string, unknown>): Promise<KnownAttempt> {
  const res = await agent.post('/api/attempts').send(body);
  if (res.status !== 201) throw new Error(`starting an attempt failed: ${res.status} ${JSON.stringify(res.body)}`);
  return withBankIds(res.body as AttemptResponse);
}

/** The keyed option ids of a question, read from the database (tests only: the API never tells). */
export async function correctOptionIds(app: FastifyInstance, questionId: string): Promise<string[]> {
  const question = await app.prisma.question.findUniqueOrThrow({ where: { id: questionId } });
  const version = await app.prisma.questionVersion.findUniqueOrThrow({
    where: { questionId_version: { questionId, version: question.version } },
  });
  return (version.options as { id: string; correct: boolean }[]).filter((o) => o.correct).map((o) => o.id);
}

/** A wrong answer of the right size for the question. */
export async function wrongOptionIds(app: FastifyInstance, question: KnownQuestion): Promise<string[]> {
  const right = new Set(await correctOptionIds(app, question.questionId));
  const wrong = question.options.map((o) => o.id).filter((id) => !right.has(id));
  return wrong.slice(0, question.choose);
}

/** Moves an attempt's clock back, as if it had started `seconds` earlier (deadline included). */
export async function rewindAttempt(app: FastifyInstance, attemptId: string, seconds: number): Promise<void> {
  await app.prisma.$executeRaw`
    UPDATE attempts SET started_at = started_at - make_interval(secs => ${seconds}),
                        deadline = deadline - make_interval(secs => ${seconds})
    WHERE id = ${attemptId}::uuid`;
}

/**
 * Answers the attempt's first questions right or wrong, one per verdict (true: right), then
 * submits it; returns the submit response, checked against the contract.
 */
export async function answerAndSubmit(
  app: FastifyInstance,
  me: SignedIn,
  attempt: KnownAttempt,
  verdicts: boolean[],
): Promise<SubmitResponse> {
  for (const [i, right] of verdicts.entries()) {
    const q = attempt.questions[i];
    if (!q) throw new Error(`the attempt has no question ${i + 1}`);
    const selected = right ? await correctOptionIds(app, q.questionId) : await wrongOptionIds(app, q);
    await me.agent
      .put(`/api/attempts/${attempt.id}/answers/${q.position}`)
      .send({ selected, flagged: false, seq: 1 })
      .expect(200);
  }
  return SubmitResponse.parse((await me.agent.post(`/api/attempts/${attempt.id}/submit`).expect(200)).body);
}
