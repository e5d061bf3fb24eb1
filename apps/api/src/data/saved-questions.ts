import type { QuestionOption, QuestionStyle } from '@saa/contract/question';
import type { Db } from '../db/prisma-client.ts';
import { Prisma } from '../generated/prisma/client.ts';

/**
 * A question whose key the user may see: asked in one of their finished attempts, or already
 * judged in an immediate-feedback attempt; and NOT asked, unjudged, in a running attempt (its key
 * would help answer it). Saved questions and search results obey this rule.
 */
const readableBy = (userId: string, questionId: Prisma.Sql) => Prisma.sql`
  EXISTS (
    SELECT 1 FROM attempt_items i JOIN attempts a ON a.id = i.attempt_id
    WHERE a.user_id = ${userId}::uuid AND i.question_id = ${questionId}
      AND (a.status <> 'in_progress' OR (a.feedback = 'immediate' AND i.correct IS NOT NULL)))
  AND NOT EXISTS (
    SELECT 1 FROM attempt_items i JOIN attempts a ON a.id = i.attempt_id
    WHERE a.user_id = ${userId}::uuid AND i.question_id = ${questionId} AND a.status = 'in_progress'
      AND NOT (a.feedback = 'immediate' AND i.correct IS NOT NULL))`;

/** A question at its current version, with its key: only for questions the user may read. */
export interface SeenQuestionRow {
  questionId: string;
  style: QuestionStyle;
  domain: string;
  section: string;
  stem: string;
  options: QuestionOption[];
  explanation: string;
  correction: string | null;
  references: string[];
}

const SEEN_COLUMNS = Prisma.sql`q.id AS "questionId", q.style::text AS style, q.domain, q.section,
  v.stem, v.options, v.explanation, v.correction, v."references"`;

export async function isReadable(db: Db, userId: string, questionId: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ ok: boolean }[]>`
    SELECT (${readableBy(userId, Prisma.sql`${questionId}`)}) AS ok`;
  return rows[0]?.ok === true;
}

/** Which of these questions the user has saved. */
export async function savedQuestionIds(db: Db, userId: string, questionIds: string[]): Promise<Set<string>> {
  if (questionIds.length === 0) return new Set();
  const rows = await db.savedQuestion.findMany({
    where: { userId, questionId: { in: questionIds } },
    select: { questionId: true },
  });
  return new Set(rows.map((r) => r.questionId));
}

/** Saves (or re-saves) a question; a given note replaces the old one, an absent note keeps it. */
export function upsertSaved(db: Db, userId: string, questionId: string, note: string | undefined, now: Date) {
  return db.savedQuestion.upsert({
    where: { userId_questionId: { userId, questionId } },
    create: { userId, questionId, note: note ?? '', savedAt: now },
    update: note === undefined ? {} : { note },
  });
}

export async function deleteSaved(db: Db, userId: string, questionId: string): Promise<boolean> {
  const { count } = await db.savedQuestion.deleteMany({ where: { userId, questionId } });
  return count > 0;
}

export interface SavedRow extends SeenQuestionRow {
  note: string;
  savedAt: Date;
}

/** The user's saved questions, newest first, leaving out any a running attempt is asking now. */
export function listSaved(db: Db, userId: string): Promise<SavedRow[]> {
  return db.$queryRaw<SavedRow[]>`
    SELECT ${SEEN_COLUMNS}, s.note, s.saved_at AS "savedAt"
    FROM saved_questions s
    JOIN questions q ON q.id = s.question_id
    JOIN question_versions v ON v.question_id = q.id AND v.version = q.version
    WHERE s.user_id = ${userId}::uuid AND ${readableBy(userId, Prisma.sql`s.question_id`)}
    ORDER BY s.saved_at DESC, s.question_id`;
}

export async function findSaved(db: Db, userId: string, questionId: string): Promise<SavedRow | null> {
  const rows = await db.$queryRaw<SavedRow[]>`
    SELECT ${SEEN_COLUMNS}, s.note, s.saved_at AS "savedAt"
    FROM saved_questions s
    JOIN questions q ON q.id = s.question_id
    JOIN question_versions v ON v.question_id = q.id AND v.version = q.version
    WHERE s.user_id = ${userId}::uuid AND s.question_id = ${questionId}`;
  return rows[0] ?? null;
}

/**
 * Full-text search over the questions the user may read (stem, options and explanation), best
 * matches first. Only the user's own seen questions are searched, so no index is needed.
 */
export function searchSeen(db: Db, userId: string, query: string, limit: number): Promise<SeenQuestionRow[]> {
  return db.$queryRaw<SeenQuestionRow[]>`
    WITH seen AS (
      SELECT DISTINCT i.question_id FROM attempt_items i JOIN attempts a ON a.id = i.attempt_id
      WHERE a.user_id = ${userId}::uuid
    ),
    docs AS (
      SELECT q.id, to_tsvector('english', v.stem || ' ' || v.explanation || ' ' ||
               coalesce((SELECT string_agg(o->>'text', ' ') FROM jsonb_array_elements(v.options) o), '')) AS doc
      FROM seen JOIN questions q ON q.id = seen.question_id
      JOIN question_versions v ON v.question_id = q.id AND v.version = q.version
    )
    SELECT ${SEEN_COLUMNS}
    FROM docs d
    JOIN questions q ON q.id = d.id
    JOIN question_versions v ON v.question_id = q.id AND v.version = q.version,
         websearch_to_tsquery('english', ${query}) AS query
    WHERE d.doc @@ query AND ${readableBy(userId, Prisma.sql`q.id`)}
    ORDER BY ts_rank(d.doc, query) DESC, q.id
    LIMIT ${limit}`;
}
