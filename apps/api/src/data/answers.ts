import type { AttemptStatus, Confidence, FeedbackMode } from '@saa/contract/attempts';
import type { QuestionOption } from '@saa/contract/question';
import { sql } from 'kysely';
import type { Db } from '../db/prisma-client.ts';
import { builder, firstRow } from '../db/sql.ts';

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

export async function readAnswerContext(
  db: Db,
  userId: string,
  attemptId: string,
  position: number,
): Promise<AnswerContext | null> {
  const row = await firstRow(
    db,
    builder
      .selectFrom('attempts as a')
      .leftJoin('attempt_items as i', (join) => join.onRef('i.attempt_id', '=', 'a.id').on('i.position', '=', position))
      .leftJoin('question_versions as v', (join) =>
        join.onRef('v.question_id', '=', 'i.question_id').onRef('v.version', '=', 'i.question_version'),
      )
      .select([
        'a.status',
        'a.deadline',
        'a.feedback',
        'i.position',
        'i.choose',
        'i.option_order as optionOrder',
        'i.selected',
        'i.flagged',
        'i.seq',
        'i.correct',
        'i.confidence',
        'v.options',
        'v.explanation',
        'v.references',
      ])
      .where('a.id', '=', attemptId)
      .where('a.user_id', '=', userId),
  );
  if (!row) return null;
  const { status, deadline, feedback, position: found, ...item } = row;
  // Every item has a question version (a foreign key), so one null stands for the whole missing item.
  if (found === null || !hasEveryField(item)) return { status, deadline, feedback, item: null };
  return { status, deadline, feedback, item };
}

/** True when none of the left-joined item's columns is null (other than its nullable ones). */
function hasEveryField(item: {
  choose: number | null;
  optionOrder: string[] | null;
  selected: string[] | null;
  flagged: boolean | null;
  seq: number | null;
  correct: boolean | null;
  confidence: Confidence | null;
  options: QuestionOption[] | null;
  explanation: string | null;
  references: string[] | null;
}): item is AnswerItem {
  return (
    item.choose !== null &&
    item.optionOrder !== null &&
    item.selected !== null &&
    item.flagged !== null &&
    item.seq !== null &&
    item.options !== null &&
    item.explanation !== null &&
    item.references !== null
  );
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
  const selected = sql<string[]>`${answer.selected}::text[]`;
  const answers = answer.selected.length > 0;
  const elapsedMs = answer.elapsedMs ?? null;
  const query = builder
    .with('open', (q) =>
      q
        .selectFrom('attempts')
        .select(['id', 'started_at'])
        .where('id', '=', attemptId)
        .where('status', '=', 'in_progress')
        .where((eb) => eb.or([eb('deadline', 'is', null), eb('deadline', '>', now)]))
        .forShare(),
    )
    .updateTable('attempt_items as i')
    .set((eb) => ({
      selected,
      flagged: answer.flagged,
      seq: answer.seq,
      correct: answer.correct,
      // Kept when not given, and once the answer is judged (immediate feedback): saying "sure"
      // after seeing the verdict would say nothing.
      confidence:
        answer.confidence === undefined
          ? eb.ref('i.confidence')
          : eb.case().when('i.correct', 'is not', null).then(eb.ref('i.confidence')).else(answer.confidence).end(),
      answered_at: eb
        .case()
        .when('i.selected', 'is not distinct from', selected)
        .then(eb.ref('i.answered_at'))
        .else(answers ? now : null)
        .end(),
      first_answered_at: answers ? eb.fn.coalesce('i.first_answered_at', eb.val(now)) : eb.ref('i.first_answered_at'),
      // Only grows, and never beyond the attempt's age.
      elapsed_ms:
        elapsedMs === null
          ? eb.ref('i.elapsed_ms')
          : sql<number>`GREATEST(coalesce(${eb.ref('i.elapsed_ms')}, 0), LEAST(${elapsedMs}::int,
              (extract(epoch FROM ${now}::timestamp - (SELECT started_at FROM open)) * 1000)::int))`,
    }))
    .where('i.attempt_id', '=', attemptId)
    .where('i.position', '=', position)
    .where('i.seq', '<', answer.seq)
    .where((eb) => eb.or([eb('i.correct', 'is', null), eb('i.selected', '=', selected)]))
    .where((eb) => eb.exists(eb.selectFrom('open').select('open.id')))
    .returning(['i.selected', 'i.flagged', 'i.seq', 'i.correct', 'i.confidence']);
  return firstRow(db, query);
}
