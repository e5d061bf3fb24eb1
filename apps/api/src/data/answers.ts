import type { AttemptStatus, FeedbackMode } from '@saa/contract/attempts';
import type { QuestionOption } from '@saa/contract/question';
import type { Db } from '../db/prisma-client.ts';
import type { SessionCheck } from './sessions.ts';

/** An attempt item as a save needs it: what was asked, what is stored, and the key. */
interface AnswerItem {
  choose: number;
  optionOrder: string[];
  selected: string[];
  flagged: boolean;
  seq: number;
  correct: boolean | null;
  options: QuestionOption[];
  explanation: string;
}

/** Everything a save needs, read in one round trip. */
export interface AnswerContext {
  status: AttemptStatus;
  deadline: Date | null;
  feedback: FeedbackMode;
  /** Null when the attempt has no such position. */
  item: AnswerItem | null;
}

/** One row of the context query: the attempt, and its item when the position exists. */
type ContextRow = Omit<AnswerContext, 'item'> & AnswerItem & { position: number | null };

export async function readAnswerContext(
  db: Db,
  userId: string,
  attemptId: string,
  position: number,
): Promise<AnswerContext | null> {
  const rows = await db.$queryRaw<ContextRow[]>`
    SELECT a.status::text, a.deadline, a.feedback::text,
           i.position, i.choose, i.option_order AS "optionOrder", i.selected, i.flagged, i.seq, i.correct,
           v.options, v.explanation
    FROM attempts a
    LEFT JOIN attempt_items i ON i.attempt_id = a.id AND i.position = ${position}
    LEFT JOIN question_versions v ON v.question_id = i.question_id AND v.version = i.question_version
    WHERE a.id = ${attemptId}::uuid AND a.user_id = ${userId}::uuid`;
  const row = rows[0];
  if (!row) return null;
  const { status, deadline, feedback, position: found, ...item } = row;
  return { status, deadline, feedback, item: found === null ? null : item };
}

export interface AnswerWrite {
  selected: string[];
  flagged: boolean;
  seq: number;
  /** The verdict to store now (immediate feedback, complete answer); null otherwise. */
  correct: boolean | null;
}

export interface StoredAnswer {
  selected: string[];
  flagged: boolean;
  seq: number;
  correct: boolean | null;
}

/**
 * Saves an answer in one conditional statement, or returns null when it must not apply: the seq is
 * not newer, a judged answer (immediate feedback) would change, or the attempt is no longer open.
 * The FOR SHARE on the attempt row orders the save against scoring (which takes FOR UPDATE): a
 * save either lands before the attempt is scored, and is counted, or sees it closed and fails.
 */
export async function writeAnswer(
  db: Db,
  attemptId: string,
  position: number,
  answer: AnswerWrite,
  now: Date,
): Promise<StoredAnswer | null> {
  const rows = await db.$queryRaw<StoredAnswer[]>`
    WITH open AS (
      SELECT id FROM attempts
      WHERE id = ${attemptId}::uuid AND status = 'in_progress' AND (deadline IS NULL OR deadline > ${now})
      FOR SHARE
    )
    UPDATE attempt_items AS i SET
      selected = ${answer.selected}::text[],
      flagged = ${answer.flagged},
      seq = ${answer.seq},
      correct = ${answer.correct}::boolean,
      answered_at = CASE
        WHEN i.selected IS NOT DISTINCT FROM ${answer.selected}::text[] THEN i.answered_at
        WHEN cardinality(${answer.selected}::text[]) > 0 THEN ${now}::timestamp
        ELSE NULL END,
      first_answered_at = CASE
        WHEN i.first_answered_at IS NULL AND cardinality(${answer.selected}::text[]) > 0 THEN ${now}::timestamp
        ELSE i.first_answered_at END
    WHERE i.attempt_id = ${attemptId}::uuid AND i.position = ${position}
      AND i.seq < ${answer.seq}
      AND (i.correct IS NULL OR i.selected = ${answer.selected}::text[])
      AND EXISTS (SELECT 1 FROM open)
    RETURNING i.selected, i.flagged, i.seq, i.correct`;
  return rows[0] ?? null;
}

/** Anything that runs a pg query: the app's pool (`app.pgPool`) or one of its clients. */
export interface PgQueryable {
  query<R extends Record<string, unknown>>(config: {
    name?: string;
    text: string;
    values?: unknown[];
  }): Promise<{
    rows: R[];
  }>;
}

// Straight through pg, not Prisma: this runs for nearly every click of an exam, and Prisma's own
// work per query cost more CPU than the statement itself (docs/benchmarks.md). Timestamps are
// UTC wall-clock values in `timestamp` columns, as Prisma writes them, so they cross as ISO
// strings converted in SQL, independent of the server's and the process's time zones.
const SAVE_DEFERRED_ANSWER = `
  WITH t AS (
    SELECT $1::timestamptz AT TIME ZONE 'UTC' AS now, $2::timestamptz AT TIME ZONE 'UTC' AS idle_since,
           $3::timestamptz AT TIME ZONE 'UTC' AS touch_before
  ),
  session AS (
    SELECT s.user_id FROM sessions s, t
    WHERE s.id = $4 AND s.expires_at > t.now AND s.last_seen_at > t.idle_since
  ),
  touched AS (
    UPDATE sessions s SET last_seen_at = t.now FROM t
    WHERE s.id = $4 AND s.expires_at > t.now AND s.last_seen_at > t.idle_since AND s.last_seen_at < t.touch_before
  ),
  open AS (
    SELECT a.id, a.deadline FROM attempts a JOIN session ON session.user_id = a.user_id, t
    WHERE a.id = $5::uuid AND a.status = 'in_progress' AND a.feedback = 'deferred'
      AND (a.deadline IS NULL OR a.deadline > t.now)
    FOR SHARE OF a
  ),
  chosen AS (
    SELECT $6::text[] AS ids
  )
  UPDATE attempt_items AS i SET
    selected = ARRAY(SELECT o FROM unnest(i.option_order) WITH ORDINALITY AS u(o, n) WHERE o = ANY(chosen.ids) ORDER BY n),
    flagged = $7,
    seq = $8,
    answered_at = CASE
      WHEN i.selected IS NOT DISTINCT FROM
           ARRAY(SELECT o FROM unnest(i.option_order) WITH ORDINALITY AS u(o, n) WHERE o = ANY(chosen.ids) ORDER BY n)
        THEN i.answered_at
      WHEN cardinality(chosen.ids) > 0 THEN t.now
      ELSE NULL END,
    first_answered_at = CASE
      WHEN i.first_answered_at IS NULL AND cardinality(chosen.ids) > 0 THEN t.now
      ELSE i.first_answered_at END
  FROM open, t, chosen
  WHERE i.attempt_id = open.id AND i.position = $9
    AND i.seq < $8
    AND chosen.ids <@ i.option_order
    AND cardinality(chosen.ids) <= i.choose
    AND i.correct IS NULL
  RETURNING i.selected, i.flagged, i.seq,
            (extract(epoch FROM open.deadline AT TIME ZONE 'UTC') * 1000)::float8 AS "deadlineMs"`;

/**
 * The common autosave in one statement, session check included: a newer answer (higher seq) to a
 * question of the session user's open, deferred-feedback attempt, naming only options the question
 * has and no more than it asks for (the caller has checked for duplicates). The selection is stored
 * in display order, as `writeAnswer` stores it, with the same FOR SHARE ordering against scoring,
 * and the session is touched when due, as `authenticate` would. Returns null when any of that does
 * not hold (no valid session, stale seq, unknown or too many options, closed or overdue attempt,
 * immediate feedback, no such attempt or position): the caller then authenticates and takes the
 * general path, which says why.
 */
export async function saveDeferredAnswer(
  db: PgQueryable,
  session: SessionCheck,
  attemptId: string,
  position: number,
  answer: { selected: string[]; flagged: boolean; seq: number },
): Promise<(Omit<StoredAnswer, 'correct'> & { deadline: Date | null }) | null> {
  const { rows } = await db.query<{ selected: string[]; flagged: boolean; seq: number; deadlineMs: number | null }>({
    name: 'saa_save_deferred_answer',
    text: SAVE_DEFERRED_ANSWER,
    values: [
      session.now.toISOString(),
      session.idleSince.toISOString(),
      session.touchBefore.toISOString(),
      session.sessionId,
      attemptId,
      answer.selected,
      answer.flagged,
      answer.seq,
      position,
    ],
  });
  const row = rows[0];
  if (!row) return null;
  return {
    selected: row.selected,
    flagged: row.flagged,
    seq: row.seq,
    deadline: row.deadlineMs === null ? null : new Date(row.deadlineMs),
  };
}
