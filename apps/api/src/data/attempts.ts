import type {
  AttemptMode,
  AttemptResult,
  AttemptStatus,
  Confidence,
  FeedbackMode,
  PracticePool,
  PracticeSource,
} from '@saa/contract/attempts';
import type { DomainId } from '@saa/contract/domains';
import type { QuestionOption, QuestionStyle } from '@saa/contract/question';
import { sql } from 'kysely';
import type { Db } from '../db/prisma-client.ts';
import { anyOf, builder, execute, firstRow, rows, unnest } from '../db/sql.ts';
import type { AttemptCursor } from '../lib/cursor.ts';

export interface AttemptRow {
  id: string;
  userId: string;
  mode: AttemptMode;
  status: AttemptStatus;
  feedback: FeedbackMode;
  questionCount: number;
  startedAt: Date;
  deadline: Date | null;
  submittedAt: Date | null;
  result: AttemptResult | null;
}

/** An attempt item with the content of its question version (key included: callers decide what to show). */
export interface ItemRow {
  position: number;
  questionId: string;
  questionVersion: number;
  domain: DomainId;
  section: string;
  choose: number;
  optionOrder: string[];
  selected: string[];
  flagged: boolean;
  seq: number;
  firstAnsweredAt: Date | null;
  correct: boolean | null;
  elapsedMs: number | null;
  confidence: Confidence | null;
  stem: string;
  options: QuestionOption[];
  explanation: string;
  correction: string | null;
  references: string[];
  style: QuestionStyle;
}

export interface NewAttempt {
  id: string;
  userId: string;
  mode: AttemptMode;
  feedback: FeedbackMode;
  startedAt: Date;
  deadline: Date | null;
  /** What a practice was drawn from, kept for the record (JSON). */
  filters: {
    domains: string[] | null;
    sections: string[] | null;
    style: QuestionStyle | null;
    pool: PracticePool;
    source: PracticeSource | null;
  } | null;
  items: Pick<
    ItemRow,
    'position' | 'questionId' | 'questionVersion' | 'domain' | 'section' | 'choose' | 'optionOrder'
  >[];
}

const ATTEMPT_COLUMNS = [
  'id',
  'user_id as userId',
  'mode',
  'status',
  'feedback',
  'question_count as questionCount',
  'started_at as startedAt',
  'deadline',
  'submitted_at as submittedAt',
  'result',
] as const;

/**
 * Inserts the attempt and all its items in one statement (a data-modifying CTE feeding an
 * unnest of column arrays): a mock's 65 items cost one round trip instead of one per batch.
 */
export async function insertAttempt(db: Db, attempt: NewAttempt): Promise<void> {
  const items = attempt.items;
  const column = <T>(pick: (item: NewAttempt['items'][number]) => T) => items.map(pick);
  const rows = unnest('t', {
    position: ['int', column((i) => i.position)],
    question_id: ['text', column((i) => i.questionId)],
    question_version: ['int', column((i) => i.questionVersion)],
    domain: ['text', column((i) => i.domain)],
    section: ['text', column((i) => i.section)],
    choose: ['int', column((i) => i.choose)],
    option_order: ['text', column((i) => i.optionOrder.join(','))],
  });
  await execute(
    db,
    builder
      .with('attempt', (q) =>
        q
          .insertInto('attempts')
          .values({
            id: attempt.id,
            user_id: attempt.userId,
            mode: attempt.mode,
            status: 'in_progress',
            feedback: attempt.feedback,
            question_count: items.length,
            filters: attempt.filters ? sql`${JSON.stringify(attempt.filters)}::jsonb` : null,
            started_at: attempt.startedAt,
            deadline: attempt.deadline,
          })
          .returning('id'),
      )
      .insertInto('attempt_items')
      .columns([
        'attempt_id',
        'position',
        'question_id',
        'question_version',
        'domain',
        'section',
        'choose',
        'option_order',
      ])
      .expression((eb) =>
        eb
          .selectFrom(['attempt', rows])
          .select((s) => [
            'attempt.id',
            't.position',
            't.question_id',
            't.question_version',
            't.domain',
            't.section',
            't.choose',
            s.fn<string[]>('string_to_array', ['t.option_order', s.val(',')]).as('option_order'),
          ]),
      ),
  );
}

/** The attempt if it belongs to the user: another user's id looks exactly like a missing one. */
export function findAttempt(db: Db, userId: string, id: string): Promise<AttemptRow | null> {
  return firstRow(
    db,
    builder.selectFrom('attempts').select(ATTEMPT_COLUMNS).where('id', '=', id).where('user_id', '=', userId),
  );
}

/** Locks the attempt row for the rest of the transaction: the guard that makes scoring happen once. */
export async function lockAttempt(db: Db, id: string): Promise<AttemptRow | null> {
  return firstRow(db, builder.selectFrom('attempts').select(ATTEMPT_COLUMNS).where('id', '=', id).forUpdate());
}

/**
 * The attempt's items with their questions' content. Without `teaching`, the explanation comes back
 * empty, the correction null and the references as none: a runner that gives no feedback as it goes
 * never shows them, and they are about half of a question's text, read on every exam page load.
 */
export function findItems(db: Db, attemptId: string, { teaching = true } = {}): Promise<ItemRow[]> {
  return rows(
    db,
    builder
      .selectFrom('attempt_items as i')
      .innerJoin('question_versions as v', (join) =>
        join.onRef('v.question_id', '=', 'i.question_id').onRef('v.version', '=', 'i.question_version'),
      )
      .innerJoin('questions as q', 'q.id', 'i.question_id')
      .select([
        'i.position',
        'i.question_id as questionId',
        'i.question_version as questionVersion',
        'i.domain',
        'i.section',
        'i.choose',
        'i.option_order as optionOrder',
        'i.selected',
        'i.flagged',
        'i.seq',
        'i.first_answered_at as firstAnsweredAt',
        'i.correct',
        'i.elapsed_ms as elapsedMs',
        'i.confidence',
        'v.stem',
        'v.options',
        teaching ? 'v.explanation' : sql<string>`''`.as('explanation'),
        teaching ? 'v.correction' : sql<string | null>`null`.as('correction'),
        teaching ? 'v.references' : sql<string[]>`'[]'::jsonb`.as('references'),
        'q.style',
      ])
      .where('i.attempt_id', '=', attemptId)
      .orderBy('i.position'),
  );
}

export interface AttemptSummaryRow {
  id: string;
  mode: AttemptMode;
  status: AttemptStatus;
  startedAt: Date;
  submittedAt: Date | null;
  questionCount: number;
  percent: number | null;
  scaledScore: number | null;
  passed: boolean | null;
  domains: AttemptResult['domains'] | null;
  deadline: Date | null;
  answeredCount: number | null;
}

/**
 * One page of the user's attempts, newest first, by keyset on (startedAt DESC, id ASC): the order
 * of the (user_id, started_at DESC, id) index, so a page costs the same on page 1 and page 500.
 * Fetches one extra row to know whether another page follows.
 */
export function listAttemptsQuery(userId: string, limit: number, after: AttemptCursor | null) {
  return builder
    .selectFrom('attempts')
    .select((eb) => [
      'id',
      'mode',
      'status',
      'started_at as startedAt',
      'submitted_at as submittedAt',
      'question_count as questionCount',
      'percent',
      'scaled_score as scaledScore',
      'passed',
      sql<AttemptResult['domains'] | null>`${eb.ref('result')} -> 'domains'`.as('domains'),
      'deadline',
      // Only for running attempts (at most a few per user): a primary-key range of attempt_items.
      sql<number | null>`case when ${eb.ref('status')} = 'in_progress' then (
        select count(*)::int from attempt_items i
        where i.attempt_id = ${eb.ref('attempts.id')} and cardinality(i.selected) > 0) end`.as('answeredCount'),
    ])
    .where('user_id', '=', userId)
    .$if(after !== null, (q) =>
      q.where((eb) =>
        after
          ? eb.and([
              eb('started_at', '<=', after.startedAt),
              eb.or([eb('started_at', '<', after.startedAt), eb('id', '>', after.id)]),
            ])
          : eb.lit(true),
      ),
    )
    .orderBy('started_at', 'desc')
    .orderBy('id', 'asc')
    .limit(limit + 1);
}

export function listAttempts(db: Db, userId: string, limit: number, after: AttemptCursor | null) {
  return rows(db, listAttemptsQuery(userId, limit, after));
}

/** Timed attempts whose deadline has passed but that nobody has scored yet. */
const overdueAttempts = (now: Date) =>
  builder.selectFrom('attempts').select('id').where('status', '=', 'in_progress').where('deadline', '<=', now);

/** The user's overdue attempts. */
export async function findOverdueIds(db: Db, userId: string, now: Date, limit: number): Promise<string[]> {
  const overdue = await rows(db, overdueAttempts(now).where('user_id', '=', userId).orderBy('deadline').limit(limit));
  return overdue.map((r) => r.id);
}

/**
 * Claims one overdue attempt for this transaction. SKIP LOCKED lets several instances sweep at
 * once without waiting on (or double-scoring) each other's rows.
 */
export async function claimOverdue(db: Db, now: Date, skip: string[] = []): Promise<string | null> {
  const row = await firstRow(
    db,
    overdueAttempts(now)
      .where((eb) => eb.not(eb('id', '=', anyOf(skip, 'uuid'))))
      .orderBy('deadline')
      .limit(1)
      .forUpdate()
      .skipLocked(),
  );
  return row?.id ?? null;
}

/**
 * Takes this user's start lock for the rest of the transaction, or returns false at once when
 * another start of theirs holds it: a burst of starts from one user then uses one connection at a
 * time and answers the rest immediately, instead of queueing them all on the lock.
 */
export async function tryLockStartsOf(db: Db, userId: string): Promise<boolean> {
  const row = await firstRow(
    db,
    builder.selectNoFrom(
      sql<boolean>`pg_try_advisory_xact_lock(hashtextextended('start:' || ${userId}, 0))`.as('locked'),
    ),
  );
  return row?.locked === true;
}

/** The user's attempts that still take answers (running and before their deadline). */
export function openAttemptsOf(db: Db, userId: string, now: Date): Promise<{ id: string; mode: AttemptMode }[]> {
  return rows(
    db,
    builder
      .selectFrom('attempts')
      .select(['id', 'mode'])
      .where('user_id', '=', userId)
      .where('status', '=', 'in_progress')
      .where((eb) => eb.or([eb('deadline', 'is', null), eb('deadline', '>', now)]))
      .orderBy('started_at', 'desc'),
  );
}

/** The scored attempt: its final status and result, with the result's figures in their own columns. */
export async function storeResult(
  tx: Db,
  attemptId: string,
  status: Exclude<AttemptStatus, 'in_progress'>,
  submittedAt: Date,
  result: AttemptResult,
): Promise<void> {
  await execute(
    tx,
    builder
      .updateTable('attempts')
      .set({
        status,
        submitted_at: submittedAt,
        correct_count: result.correct,
        percent: result.percent,
        scaled_score: result.scaledScore,
        passed: result.passed,
        result: sql<AttemptResult>`${JSON.stringify(result)}::jsonb`,
      })
      .where('id', '=', attemptId),
  );
}

/** Each item's verdict, by position. */
export async function markVerdicts(tx: Db, attemptId: string, verdicts: Map<number, boolean>): Promise<void> {
  if (verdicts.size === 0) return;
  await execute(
    tx,
    builder
      .updateTable('attempt_items as i')
      .from(unnest('t', { position: ['int', [...verdicts.keys()]], correct: ['boolean', [...verdicts.values()]] }))
      .set((eb) => ({ correct: eb.ref('t.correct') }))
      .where('i.attempt_id', '=', attemptId)
      .whereRef('i.position', '=', 't.position'),
  );
}

/** The bank id and verdict of the question at a position, or null if the attempt has none there. */
export function findItemAt(db: Db, attemptId: string, position: number) {
  return db.attemptItem.findUnique({
    where: { attemptId_position: { attemptId, position } },
    select: { questionId: true, correct: true },
  });
}
