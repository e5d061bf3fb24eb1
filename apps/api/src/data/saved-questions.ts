import type { QuestionOption, QuestionStyle } from '@saa/contract/question';
import { type Expression, expressionBuilder, sql } from 'kysely';
import type { Db } from '../db/prisma-client.ts';
import { builder, firstRow, rows } from '../db/sql.ts';
import type { DB } from '../generated/kysely/database.ts';

/**
 * A question whose key the user may see: asked in one of their finished attempts, or already
 * judged in an immediate-feedback attempt; and NOT asked, unjudged, in a running attempt (its key
 * would help answer it). Saved questions and search results obey this rule.
 */
function readableBy(userId: string, questionId: Expression<string>) {
  const eb = expressionBuilder<DB>();
  const askedOf = () =>
    eb
      .selectFrom('attempt_items as i')
      .innerJoin('attempts as a', 'a.id', 'i.attempt_id')
      .select('i.question_id')
      .where('a.user_id', '=', userId)
      .where('i.question_id', '=', questionId);
  return eb.and([
    eb.exists(
      askedOf().where((w) =>
        w.or([
          w('a.status', '<>', 'in_progress'),
          w.and([w('a.feedback', '=', 'immediate'), w('i.correct', 'is not', null)]),
        ]),
      ),
    ),
    eb.not(
      eb.exists(
        askedOf()
          .where('a.status', '=', 'in_progress')
          .where((w) => w.not(w.and([w('a.feedback', '=', 'immediate'), w('i.correct', 'is not', null)]))),
      ),
    ),
  ]);
}

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

const SEEN_COLUMNS = [
  'q.id as questionId',
  'q.style',
  'q.domain',
  'q.section',
  'v.stem',
  'v.options',
  'v.explanation',
  'v.correction',
  'v.references',
] as const;

export async function isReadable(db: Db, userId: string, questionId: string): Promise<boolean> {
  const row = await firstRow(db, builder.selectNoFrom(readableBy(userId, sql.val(questionId)).as('ok')));
  return row?.ok === true;
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

const savedQuery = (userId: string) =>
  builder
    .selectFrom('saved_questions as s')
    .innerJoin('questions as q', 'q.id', 's.question_id')
    .innerJoin('question_versions as v', (join) =>
      join.onRef('v.question_id', '=', 'q.id').onRef('v.version', '=', 'q.version'),
    )
    .select([...SEEN_COLUMNS, 's.note', 's.saved_at as savedAt'])
    .where('s.user_id', '=', userId);

/** The user's saved questions, newest first, leaving out any a running attempt is asking now. */
export function listSaved(db: Db, userId: string): Promise<SavedRow[]> {
  return rows(
    db,
    savedQuery(userId)
      .where(readableBy(userId, sql.ref('s.question_id')))
      .orderBy('s.saved_at', 'desc')
      .orderBy('s.question_id'),
  );
}

export async function findSaved(db: Db, userId: string, questionId: string): Promise<SavedRow | null> {
  return firstRow(db, savedQuery(userId).where('s.question_id', '=', questionId));
}

/**
 * Full-text search over the questions the user may read (stem, options and explanation), best
 * matches first. Only the user's own seen questions are searched, so no index is needed.
 */
export function searchSeen(db: Db, userId: string, query: string, limit: number): Promise<SeenQuestionRow[]> {
  return rows(
    db,
    builder
      .with('seen', (q) =>
        q
          .selectFrom('attempt_items as i')
          .innerJoin('attempts as a', 'a.id', 'i.attempt_id')
          .select('i.question_id')
          .distinct()
          .where('a.user_id', '=', userId),
      )
      .with('texts', (q) =>
        q
          .selectFrom('seen')
          .innerJoin('questions as q', 'q.id', 'seen.question_id')
          .innerJoin('question_versions as v', (join) =>
            join.onRef('v.question_id', '=', 'q.id').onRef('v.version', '=', 'q.version'),
          )
          .select((eb) => [
            'q.id',
            sql<string>`${eb.ref('v.stem')} || ' ' || ${eb.ref('v.explanation')} || ' ' ||
              coalesce((SELECT string_agg(o->>'text', ' ') FROM jsonb_array_elements(${eb.ref('v.options')}) o), '')`.as(
              'body',
            ),
          ]),
      )
      // Postgres reads "static.example.com" or "index.html" as one word, so the words inside such
      // names are added on their own: "example" finds the question, and so does the whole name.
      .with('docs', (q) =>
        q.selectFrom('texts').select((eb) => [
          'texts.id',
          sql<string>`to_tsvector('english', ${eb.ref('texts.body')}) ||
              to_tsvector('english', regexp_replace(${eb.ref('texts.body')}, '[^[:alnum:]]+', ' ', 'g'))`.as('doc'),
        ]),
      )
      .selectFrom('docs as d')
      .innerJoin('questions as q', 'q.id', 'd.id')
      .innerJoin('question_versions as v', (join) =>
        join.onRef('v.question_id', '=', 'q.id').onRef('v.version', '=', 'q.version'),
      )
      // The same on the side of the query ("index.html" also looks for "index" and "html"); quotes
      // and a leading minus keep their meaning in both.
      .crossJoin(
        sql<{ query: string }>`(SELECT websearch_to_tsquery('english', ${query}) ||
          websearch_to_tsquery('english', ${query.replace(/[./:_@]+/g, ' ')}) AS query)`.as('query'),
      )
      .select(SEEN_COLUMNS)
      .where((eb) => sql<boolean>`${eb.ref('d.doc')} @@ ${eb.ref('query.query')}`)
      .where(readableBy(userId, sql.ref('q.id')))
      .orderBy((eb) => sql`ts_rank(${eb.ref('d.doc')}, ${eb.ref('query.query')})`, 'desc')
      .orderBy('q.id')
      .limit(limit),
  );
}
