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
import type { Db } from '../db/prisma-client.ts';
import { Prisma } from '../generated/prisma/client.ts';
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

const ATTEMPT_FIELDS = {
  id: true,
  userId: true,
  mode: true,
  status: true,
  feedback: true,
  questionCount: true,
  startedAt: true,
  deadline: true,
  submittedAt: true,
  result: true,
} as const;

/**
 * Inserts the attempt and all its items in one statement (a data-modifying CTE feeding an
 * unnest of column arrays): a mock's 65 items cost one round trip instead of one per batch.
 */
export async function insertAttempt(db: Db, attempt: NewAttempt): Promise<void> {
  const items = attempt.items;
  const column = <T>(pick: (item: NewAttempt['items'][number]) => T) => items.map(pick);
  await db.$executeRaw`
    WITH attempt AS (
      INSERT INTO attempts (id, user_id, mode, status, feedback, question_count, filters, started_at, deadline)
      VALUES (${attempt.id}::uuid, ${attempt.userId}::uuid, ${attempt.mode}::"AttemptMode", 'in_progress',
              ${attempt.feedback}::"FeedbackMode", ${items.length},
              ${attempt.filters ? JSON.stringify(attempt.filters) : null}::jsonb, ${attempt.startedAt},
              ${attempt.deadline}::timestamp)
      RETURNING id
    )
    INSERT INTO attempt_items (attempt_id, position, question_id, question_version, domain, section, choose, option_order)
    SELECT attempt.id, t.position, t.question_id, t.question_version, t.domain, t.section, t.choose,
           string_to_array(t.option_order, ',')
    FROM attempt,
         unnest(${column((i) => i.position)}::int[], ${column((i) => i.questionId)}::text[],
                ${column((i) => i.questionVersion)}::int[], ${column((i) => i.domain)}::text[],
                ${column((i) => i.section)}::text[], ${column((i) => i.choose)}::int[],
                ${column((i) => i.optionOrder.join(','))}::text[])
         AS t(position, question_id, question_version, domain, section, choose, option_order)`;
}

/** The attempt if it belongs to the user: another user's id looks exactly like a missing one. */
export async function findAttempt(db: Db, userId: string, id: string): Promise<AttemptRow | null> {
  const row = await db.attempt.findFirst({ where: { id, userId }, select: ATTEMPT_FIELDS });
  return row as AttemptRow | null;
}

/** Locks the attempt row for the rest of the transaction: the guard that makes scoring happen once. */
export async function lockAttempt(db: Db, id: string): Promise<AttemptRow | null> {
  const rows = await db.$queryRaw<AttemptRow[]>`
    SELECT id, user_id AS "userId", mode::text, status::text, feedback::text, question_count AS "questionCount",
           started_at AS "startedAt", deadline, submitted_at AS "submittedAt", result
    FROM attempts WHERE id = ${id}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

export function findItems(db: Db, attemptId: string): Promise<ItemRow[]> {
  return db.$queryRaw<ItemRow[]>`
    SELECT i.position, i.question_id AS "questionId", i.question_version AS "questionVersion", i.domain, i.section,
           i.choose, i.option_order AS "optionOrder", i.selected, i.flagged, i.seq,
           i.first_answered_at AS "firstAnsweredAt", i.correct, i.elapsed_ms AS "elapsedMs",
           i.confidence::text AS confidence, v.stem, v.options, v.explanation, v.correction, v."references", q.style::text AS style
    FROM attempt_items i
    JOIN question_versions v ON v.question_id = i.question_id AND v.version = i.question_version
    JOIN questions q ON q.id = i.question_id
    WHERE i.attempt_id = ${attemptId}::uuid
    ORDER BY i.position`;
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
}

/**
 * One page of the user's attempts, newest first, by keyset on (startedAt DESC, id ASC): the order
 * of the (user_id, started_at DESC, id) index, so a page costs the same on page 1 and page 500.
 * Fetches one extra row to know whether another page follows.
 */
export function listAttemptsQuery(userId: string, limit: number, after: AttemptCursor | null): Prisma.Sql {
  const keyset = after
    ? Prisma.sql`AND started_at <= ${after.startedAt} AND (started_at < ${after.startedAt} OR id > ${after.id}::uuid)`
    : Prisma.empty;
  return Prisma.sql`
    SELECT id, mode::text, status::text, started_at AS "startedAt", submitted_at AS "submittedAt",
           question_count AS "questionCount", percent, scaled_score AS "scaledScore", passed,
           result -> 'domains' AS domains
    FROM attempts
    WHERE user_id = ${userId}::uuid ${keyset}
    ORDER BY started_at DESC, id ASC
    LIMIT ${limit + 1}`;
}

export function listAttempts(db: Db, userId: string, limit: number, after: AttemptCursor | null) {
  return db.$queryRaw<AttemptSummaryRow[]>(listAttemptsQuery(userId, limit, after));
}

/** The user's timed attempts whose deadline has passed but that nobody has scored yet. */
export async function findOverdueIds(db: Db, userId: string, now: Date, limit: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM attempts
    WHERE status = 'in_progress' AND deadline <= ${now} AND user_id = ${userId}::uuid
    ORDER BY deadline
    LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

/**
 * Claims one overdue attempt for this transaction. SKIP LOCKED lets several instances sweep at
 * once without waiting on (or double-scoring) each other's rows.
 */
export async function claimOverdue(db: Db, now: Date, skip: string[] = []): Promise<string | null> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM attempts
    WHERE status = 'in_progress' AND deadline <= ${now} AND id <> ALL(${skip}::uuid[])
    ORDER BY deadline
    LIMIT 1
    FOR UPDATE SKIP LOCKED`;
  return rows[0]?.id ?? null;
}

/**
 * Takes this user's start lock for the rest of the transaction, or returns false at once when
 * another start of theirs holds it: a burst of starts from one user then uses one connection at a
 * time and answers the rest immediately, instead of queueing them all on the lock.
 */
export async function tryLockStartsOf(db: Db, userId: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ locked: boolean }[]>`
    SELECT pg_try_advisory_xact_lock(hashtextextended('start:' || ${userId}, 0)) AS locked`;
  return rows[0]?.locked === true;
}

/** The user's attempts that still take answers (running and before their deadline). */
export function openAttemptsOf(db: Db, userId: string, now: Date): Promise<{ id: string; mode: AttemptMode }[]> {
  return db.$queryRaw<{ id: string; mode: AttemptMode }[]>`
    SELECT id::text, mode::text FROM attempts
    WHERE user_id = ${userId}::uuid AND status = 'in_progress' AND (deadline IS NULL OR deadline > ${now})
    ORDER BY started_at DESC`;
}

/** The scored attempt: its final status and result, with the result's figures in their own columns. */
export async function storeResult(
  tx: Db,
  attemptId: string,
  status: Exclude<AttemptStatus, 'in_progress'>,
  submittedAt: Date,
  result: AttemptResult,
): Promise<void> {
  await tx.attempt.update({
    where: { id: attemptId },
    data: {
      status,
      submittedAt,
      correctCount: result.correct,
      percent: result.percent,
      scaledScore: result.scaledScore,
      passed: result.passed,
      result: result as unknown as Prisma.InputJsonValue,
    },
  });
}

/** Each item's verdict, by position. */
export async function markVerdicts(tx: Db, attemptId: string, verdicts: Map<number, boolean>): Promise<void> {
  if (verdicts.size === 0) return;
  await tx.$executeRaw`
    UPDATE attempt_items AS i SET correct = t.correct
    FROM unnest(${[...verdicts.keys()]}::int[], ${[...verdicts.values()]}::boolean[]) AS t(position, correct)
    WHERE i.attempt_id = ${attemptId}::uuid AND i.position = t.position`;
}

/** The bank id and verdict of the question at a position, or null if the attempt has none there. */
export function findItemAt(db: Db, attemptId: string, position: number) {
  return db.attemptItem.findUnique({
    where: { attemptId_position: { attemptId, position } },
    select: { questionId: true, correct: true },
  });
}
