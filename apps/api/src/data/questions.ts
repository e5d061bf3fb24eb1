import type { DomainId } from '@saa/contract/domains';
import type { QuestionOption } from '@saa/contract/question';
import type { Db } from '../db/prisma-client.ts';

/** A question at the version an attempt picks up, with its key (never sent while in progress). */
export interface DrawnQuestion {
  id: string;
  version: number;
  domain: DomainId;
  section: string;
  stem: string;
  /** In bank order, with correct flags and rationales. */
  options: QuestionOption[];
  explanation: string;
  correction: string | null;
}

/** Active (non-retired) questions per domain. */
export async function countByDomain(db: Db): Promise<Map<string, number>> {
  const rows = await db.question.groupBy({ by: ['domain'], where: { retiredAt: null }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.domain, r._count._all]));
}

/** Active (non-retired) questions per section. */
export async function countBySection(db: Db): Promise<Map<string, number>> {
  const rows = await db.question.groupBy({ by: ['section'], where: { retiredAt: null }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.section, r._count._all]));
}

// The ranking shared by every draw: questions this user has seen least come first (never-seen
// ones before all others), random among equals, so that repeated mocks rotate through the bank.

/** Draws `quota[domain]` active questions from each domain for a mock. */
export function drawByDomain(db: Db, userId: string, quota: Record<string, number>): Promise<DrawnQuestion[]> {
  const domains = Object.keys(quota);
  const counts = domains.map((d) => quota[d] ?? 0);
  return db.$queryRaw<DrawnQuestion[]>`
    WITH quota AS (SELECT * FROM unnest(${domains}::text[], ${counts}::int[]) AS t(domain, n)),
    ranked AS (
      SELECT q.id, q.version, q.domain, q.section,
             row_number() OVER (PARTITION BY q.domain ORDER BY coalesce(s.times_seen, 0), random()) AS rn
      FROM questions q
      JOIN quota ON quota.domain = q.domain
      LEFT JOIN user_question_seen s ON s.user_id = ${userId}::uuid AND s.question_id = q.id
      WHERE q.retired_at IS NULL
    )
    SELECT r.id, r.version, r.domain, r.section, v.stem, v.options, v.explanation, v.correction
    FROM ranked r
    JOIN quota ON quota.domain = r.domain AND r.rn <= quota.n
    JOIN question_versions v ON v.question_id = r.id AND v.version = r.version`;
}

/** Up to `count` active questions matching the filters (null: no restriction) for practice. */
export function drawMatching(
  db: Db,
  userId: string,
  filters: { domains: string[] | null; sections: string[] | null },
  count: number,
): Promise<DrawnQuestion[]> {
  return db.$queryRaw<DrawnQuestion[]>`
    SELECT q.id, q.version, q.domain, q.section, v.stem, v.options, v.explanation, v.correction
    FROM (
      SELECT q.id
      FROM questions q
      LEFT JOIN user_question_seen s ON s.user_id = ${userId}::uuid AND s.question_id = q.id
      WHERE q.retired_at IS NULL
        AND (${filters.domains === null}::boolean OR q.domain = ANY(${filters.domains ?? []}::text[]))
        AND (${filters.sections === null}::boolean OR q.section = ANY(${filters.sections ?? []}::text[]))
      ORDER BY coalesce(s.times_seen, 0), random()
      LIMIT ${count}
    ) picked
    JOIN questions q ON q.id = picked.id
    JOIN question_versions v ON v.question_id = q.id AND v.version = q.version`;
}

/** Up to `count` of the user's due review cards, most overdue first, at the questions' current versions. */
export function drawDue(db: Db, userId: string, now: Date, count: number): Promise<DrawnQuestion[]> {
  return db.$queryRaw<DrawnQuestion[]>`
    SELECT q.id, q.version, q.domain, q.section, v.stem, v.options, v.explanation, v.correction
    FROM (
      SELECT c.question_id, c.due
      FROM review_cards c
      JOIN questions q ON q.id = c.question_id AND q.retired_at IS NULL
      WHERE c.user_id = ${userId}::uuid AND c.due <= ${now}
      ORDER BY c.due, c.question_id
      LIMIT ${count}
    ) due
    JOIN questions q ON q.id = due.question_id
    JOIN question_versions v ON v.question_id = q.id AND v.version = q.version
    ORDER BY due.due, q.id`;
}

/** Records that the user was shown these questions, so later draws prefer others. */
export async function markSeen(db: Db, userId: string, questionIds: string[], now: Date): Promise<void> {
  if (questionIds.length === 0) return;
  await db.$executeRaw`
    INSERT INTO user_question_seen (user_id, question_id, times_seen, last_seen_at)
    SELECT ${userId}::uuid, question_id, 1, ${now} FROM unnest(${questionIds}::text[]) AS t(question_id)
    ON CONFLICT (user_id, question_id)
    DO UPDATE SET times_seen = user_question_seen.times_seen + 1, last_seen_at = EXCLUDED.last_seen_at`;
}
