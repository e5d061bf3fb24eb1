import type { AttemptStatus, Confidence, FeedbackMode } from '@saa/contract/attempts';
import type { QuestionOption } from '@saa/contract/question';
import type { Db } from '../db/prisma-client.ts';

/** An attempt item as a save needs it: what was asked, what is stored, and the key. */
interface AnswerItem {
  choose: number;
  optionOrder: string[];
  selected: string[];
  flagged: boolean;
  seq: number;
  correct: boolean | null;
  confidence: Confidence | null;
  options: QuestionOption[];
  explanation: string;
  references: string[];
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
           i.confidence::text AS confidence, v.options, v.explanation, v."references"
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
  /** Cumulative time on screen reported by the browser, if any. */
  elapsedMs?: number | undefined;
  /** How sure the candidate is: undefined keeps the stored value, null clears it. */
  confidence?: Confidence | null | undefined;
}

export interface StoredAnswer {
  selected: string[];
  flagged: boolean;
  seq: number;
  correct: boolean | null;
  confidence: Confidence | null;
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
      SELECT id, started_at FROM attempts
      WHERE id = ${attemptId}::uuid AND status = 'in_progress' AND (deadline IS NULL OR deadline > ${now})
      FOR SHARE
    )
    UPDATE attempt_items AS i SET
      selected = ${answer.selected}::text[],
      flagged = ${answer.flagged},
      seq = ${answer.seq},
      correct = ${answer.correct}::boolean,
      -- Kept when not given, and once the answer is judged (immediate feedback): saying "sure"
      -- after seeing the verdict would say nothing.
      confidence = CASE
        WHEN ${answer.confidence === undefined}::boolean OR i.correct IS NOT NULL THEN i.confidence
        ELSE ${answer.confidence ?? null}::text::"Confidence" END,
      answered_at = CASE
        WHEN i.selected IS NOT DISTINCT FROM ${answer.selected}::text[] THEN i.answered_at
        WHEN cardinality(${answer.selected}::text[]) > 0 THEN ${now}::timestamp
        ELSE NULL END,
      first_answered_at = CASE
        WHEN i.first_answered_at IS NULL AND cardinality(${answer.selected}::text[]) > 0 THEN ${now}::timestamp
        ELSE i.first_answered_at END,
      -- Only grows, and never beyond the attempt's age.
      elapsed_ms = CASE
        WHEN ${answer.elapsedMs ?? null}::int IS NULL THEN i.elapsed_ms
        ELSE GREATEST(coalesce(i.elapsed_ms, 0), LEAST(${answer.elapsedMs ?? null}::int,
             (extract(epoch FROM ${now}::timestamp - (SELECT started_at FROM open)) * 1000)::int)) END
    WHERE i.attempt_id = ${attemptId}::uuid AND i.position = ${position}
      AND i.seq < ${answer.seq}
      AND (i.correct IS NULL OR i.selected = ${answer.selected}::text[])
      AND EXISTS (SELECT 1 FROM open)
    RETURNING i.selected, i.flagged, i.seq, i.correct, i.confidence::text AS confidence`;
  return rows[0] ?? null;
}
