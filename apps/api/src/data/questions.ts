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
  /** AWS documentation URLs that support the key. */
  references: string[];
}

export interface StyleCounts {
  scenario: number;
  recall: number;
}

async function countByStyle(db: Db, by: 'domain' | 'section'): Promise<Map<string, StyleCounts>> {
  const rows = await db.question.groupBy({ by: [by, 'style'], where: { retiredAt: null }, _count: { _all: true } });
  const counts = new Map<string, StyleCounts>();
  for (const row of rows) {
    const key = row[by];
    const entry = counts.get(key) ?? { scenario: 0, recall: 0 };
    entry[row.style] = row._count._all;
    counts.set(key, entry);
  }
  return counts;
}

/** Active (non-retired) questions per domain, by style. */
export function countByDomain(db: Db): Promise<Map<string, StyleCounts>> {
  return countByStyle(db, 'domain');
}

/**
 * Active scenario questions (the only ones mocks draw) per domain, counted only up to `cap`: what allocating a mock needs (whether
 * each domain can supply its share of `cap` questions) at a cost that does not grow with the bank.
 */
export async function countByDomainUpTo(db: Db, domains: readonly string[], cap: number): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ domain: string; n: number }[]>`
    SELECT d.domain,
           (SELECT count(*) FROM (SELECT 1 FROM questions q
                                  WHERE q.domain = d.domain AND q.style = 'scenario' AND q.retired_at IS NULL
                                  LIMIT ${cap}) capped)::int AS n
    FROM unnest(${domains}::text[]) AS d(domain)`;
  return new Map(rows.map((r) => [r.domain, r.n]));
}

/** Active (non-retired) questions per section, by style. */
export function countBySection(db: Db): Promise<Map<string, StyleCounts>> {
  return countByStyle(db, 'section');
}

/** Each section's main domain: the one most of its active questions belong to. */
export async function mainDomainBySection(db: Db): Promise<Map<string, string>> {
  const rows = await db.question.groupBy({
    by: ['section', 'domain'],
    where: { retiredAt: null },
    _count: { _all: true },
  });
  const best = new Map<string, { domain: string; n: number }>();
  for (const row of rows) {
    const current = best.get(row.section);
    if (!current || row._count._all > current.n || (row._count._all === current.n && row.domain < current.domain)) {
      best.set(row.section, { domain: row.domain, n: row._count._all });
    }
  }
  return new Map([...best].map(([section, { domain }]) => [section, domain]));
}

// The ranking shared by every draw: questions this user has seen least come first (never-seen
// ones before all others), random among equals, so that repeated mocks rotate through the bank.

/**
 * How many questions of a domain a mock ranks. A domain with at most this many active questions is
 * ranked whole (exactly as above); a larger one contributes this many, read in `random_key` order
 * from a random point (wrapping around), so the cost stays flat however large the bank grows, and
 * the least-seen rule applies within that random window.
 */
export const DRAW_WINDOW = 400;

/** Draws `quota[domain]` active scenario questions from each domain for a mock (the real exam is all scenarios). */
export function drawByDomain(db: Db, userId: string, quota: Record<string, number>): Promise<DrawnQuestion[]> {
  const domains = Object.keys(quota).filter((d) => (quota[d] ?? 0) > 0);
  const counts = domains.map((d) => quota[d] ?? 0);
  return db.$queryRaw<DrawnQuestion[]>`
    WITH quota AS (
      SELECT t.domain, t.n, random() AS start FROM unnest(${domains}::text[], ${counts}::int[]) AS t(domain, n)
    ),
    candidates AS (
      SELECT quota.domain, quota.n, w.id, w.version, w.section
      FROM quota CROSS JOIN LATERAL (
        SELECT id, version, section FROM (
          (SELECT id, version, section, 0 AS lap, random_key FROM questions
           WHERE domain = quota.domain AND style = 'scenario' AND retired_at IS NULL AND random_key >= quota.start
           ORDER BY random_key LIMIT ${DRAW_WINDOW})
          UNION ALL
          (SELECT id, version, section, 1 AS lap, random_key FROM questions
           WHERE domain = quota.domain AND style = 'scenario' AND retired_at IS NULL AND random_key < quota.start
           ORDER BY random_key LIMIT ${DRAW_WINDOW})
        ) laps
        ORDER BY lap, random_key
        LIMIT ${DRAW_WINDOW}
      ) w
    ),
    ranked AS (
      SELECT c.*, row_number() OVER (PARTITION BY c.domain ORDER BY coalesce(s.times_seen, 0), random()) AS rn
      FROM candidates c
      LEFT JOIN user_question_seen s ON s.user_id = ${userId}::uuid AND s.question_id = c.id
      -- An admin took it out of mocks until its sources are fixed (a handful of rows at most).
      WHERE NOT EXISTS (SELECT 1 FROM question_suspensions x WHERE x.question_id = c.id)
    )
    SELECT r.id, r.version, r.domain, r.section, v.stem, v.options, v.explanation, v.correction, v."references"
    FROM ranked r
    -- One primary-key lookup per drawn question (LIMIT 1 keeps the planner from turning this into
    -- a hash join over every version in the bank).
    CROSS JOIN LATERAL (
      SELECT stem, options, explanation, correction, "references" FROM question_versions
      WHERE question_id = r.id AND version = r.version
      LIMIT 1
    ) v
    WHERE r.rn <= r.n`;
}

/** Up to `count` active questions matching the filters (null: no restriction) for practice. */
export function drawMatching(
  db: Db,
  userId: string,
  filters: {
    domains: string[] | null;
    sections: string[] | null;
    style: 'scenario' | 'recall' | null;
    pool: 'all' | 'unseen' | 'wrong';
  },
  count: number,
): Promise<DrawnQuestion[]> {
  return db.$queryRaw<DrawnQuestion[]>`
    SELECT q.id, q.version, q.domain, q.section, v.stem, v.options, v.explanation, v.correction, v."references"
    FROM (
      SELECT q.id
      FROM questions q
      LEFT JOIN user_question_seen s ON s.user_id = ${userId}::uuid AND s.question_id = q.id
      WHERE q.retired_at IS NULL
        AND (${filters.domains === null}::boolean OR q.domain = ANY(${filters.domains ?? []}::text[]))
        AND (${filters.sections === null}::boolean OR q.section = ANY(${filters.sections ?? []}::text[]))
        AND (${filters.style === null}::boolean OR q.style::text = ${filters.style ?? ''})
        AND (${filters.pool !== 'unseen'}::boolean OR s.question_id IS NULL)
        AND (${filters.pool !== 'wrong'}::boolean OR q.id IN (
          -- Missed (wrong or unanswered) the last time a finished attempt asked it.
          SELECT last.question_id FROM (
            SELECT DISTINCT ON (i.question_id) i.question_id, i.correct
            FROM attempt_items i JOIN attempts a ON a.id = i.attempt_id
            WHERE a.user_id = ${userId}::uuid AND a.status <> 'in_progress'
            ORDER BY i.question_id, a.submitted_at DESC
          ) last
          WHERE last.correct IS NOT TRUE))
      ORDER BY coalesce(s.times_seen, 0), random()
      LIMIT ${count}
    ) picked
    JOIN questions q ON q.id = picked.id
    JOIN question_versions v ON v.question_id = q.id AND v.version = q.version`;
}

/** Up to `count` of the user's due review cards, most overdue first, at the questions' current versions. */
export function drawDue(db: Db, userId: string, now: Date, count: number): Promise<DrawnQuestion[]> {
  return db.$queryRaw<DrawnQuestion[]>`
    SELECT q.id, q.version, q.domain, q.section, v.stem, v.options, v.explanation, v.correction, v."references"
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
    -- Rows are locked in one order by every start, so two starts of one user never deadlock here.
    ORDER BY question_id
    ON CONFLICT (user_id, question_id)
    DO UPDATE SET times_seen = user_question_seen.times_seen + 1, last_seen_at = EXCLUDED.last_seen_at`;
}

/**
 * The questions at these positions of an attempt, at the versions that attempt asked, in position
 * order: practising "what I missed" means exactly those questions.
 */
export function drawFromAttempt(db: Db, attemptId: string, positions: number[]): Promise<DrawnQuestion[]> {
  return db.$queryRaw<DrawnQuestion[]>`
    SELECT q.id, v.version, q.domain, q.section, v.stem, v.options, v.explanation, v.correction, v."references"
    FROM attempt_items i
    JOIN questions q ON q.id = i.question_id
    JOIN question_versions v ON v.question_id = i.question_id AND v.version = i.question_version
    WHERE i.attempt_id = ${attemptId}::uuid AND i.position = ANY(${positions}::int[])
    ORDER BY i.position`;
}

/** The user's saved questions (newest first, active ones only) at their current versions. */
export function drawSaved(db: Db, userId: string, count: number): Promise<DrawnQuestion[]> {
  return db.$queryRaw<DrawnQuestion[]>`
    SELECT q.id, q.version, q.domain, q.section, v.stem, v.options, v.explanation, v.correction, v."references"
    FROM saved_questions s
    JOIN questions q ON q.id = s.question_id AND q.retired_at IS NULL
    JOIN question_versions v ON v.question_id = q.id AND v.version = q.version
    WHERE s.user_id = ${userId}::uuid
    ORDER BY s.saved_at DESC, s.question_id
    LIMIT ${count}`;
}
