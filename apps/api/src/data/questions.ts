import type { DomainId } from '@saa/contract/domains';
import type { QuestionOption } from '@saa/contract/question';
import { sql } from 'kysely';
import type { Db } from '../db/prisma-client.ts';
import { anyOf, builder, execute, rows, unnest } from '../db/sql.ts';

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
export async function countByDomainUpTo(
  db: Db,
  domains: readonly DomainId[],
  cap: number,
): Promise<Map<DomainId, number>> {
  const counted = await rows(
    db,
    builder.selectFrom(unnest('d', { domain: ['text', domains] })).select((eb) => [
      'd.domain',
      eb
        .selectFrom((sub) =>
          sub
            .selectFrom('questions as q')
            .select('q.id')
            .whereRef('q.domain', '=', 'd.domain')
            .where('q.style', '=', 'scenario')
            .where('q.retired_at', 'is', null)
            .limit(cap)
            .as('capped'),
        )
        .select((sub) => sub.cast<number>(sub.fn.countAll(), 'integer').as('n'))
        .as('n'),
    ]),
  );
  return new Map(counted.map((r) => [r.domain, r.n ?? 0]));
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

/** Draws `n` active scenario questions from each domain for a mock (the real exam is all scenarios). */
export function drawByDomain(
  db: Db,
  userId: string,
  quota: { domain: DomainId; n: number }[],
): Promise<DrawnQuestion[]> {
  const wanted = quota.filter((q) => q.n > 0);
  const domains = wanted.map((q) => q.domain);
  const counts = wanted.map((q) => q.n);
  const query = builder
    .with('quota', (q) =>
      q
        .selectFrom(unnest('t', { domain: ['text', domains], n: ['int', counts] }))
        .select(['t.domain', 't.n', sql<number>`random()`.as('start')]),
    )
    .with('candidates', (q) =>
      q
        .selectFrom('quota')
        .crossJoinLateral((eb) => {
          // One lap from the random start to the end of the domain's range, one from its beginning.
          const lap = (n: 0 | 1) =>
            eb
              .selectFrom((sub) =>
                sub
                  .selectFrom('questions')
                  .select(['id', 'version', 'section', 'random_key', sql.lit(n).as('lap')])
                  .whereRef('domain', '=', 'quota.domain')
                  .where('style', '=', 'scenario')
                  .where('retired_at', 'is', null)
                  .whereRef('random_key', n === 0 ? '>=' : '<', 'quota.start')
                  .orderBy('random_key')
                  .limit(DRAW_WINDOW)
                  .as(`lap${n}`),
              )
              .selectAll();
          return eb
            .selectFrom(lap(0).unionAll(lap(1)).as('laps'))
            .select(['id', 'version', 'section'])
            .orderBy('lap')
            .orderBy('random_key')
            .limit(DRAW_WINDOW)
            .as('w');
        })
        .select(['quota.domain', 'quota.n', 'w.id', 'w.version', 'w.section']),
    )
    .with('ranked', (q) =>
      q
        .selectFrom('candidates as c')
        .leftJoin('user_question_seen as s', (join) =>
          join.on('s.user_id', '=', userId).onRef('s.question_id', '=', 'c.id'),
        )
        .selectAll('c')
        .select((eb) =>
          sql<number>`row_number() OVER (PARTITION BY ${eb.ref('c.domain')} ORDER BY coalesce(${eb.ref('s.times_seen')}, 0), random())`.as(
            'rn',
          ),
        )
        // An admin took it out of mocks until its sources are fixed (a handful of rows at most).
        .where((eb) =>
          eb.not(
            eb.exists(
              eb.selectFrom('question_suspensions as x').select('x.question_id').whereRef('x.question_id', '=', 'c.id'),
            ),
          ),
        ),
    )
    .selectFrom('ranked as r')
    // One primary-key lookup per drawn question (LIMIT 1 keeps the planner from turning this into
    // a hash join over every version in the bank).
    .crossJoinLateral((eb) =>
      eb
        .selectFrom('question_versions')
        .select(['stem', 'options', 'explanation', 'correction', 'references'])
        .whereRef('question_id', '=', 'r.id')
        .whereRef('version', '=', 'r.version')
        .limit(1)
        .as('v'),
    )
    .select([
      'r.id',
      'r.version',
      'r.domain',
      'r.section',
      'v.stem',
      'v.options',
      'v.explanation',
      'v.correction',
      'v.references',
    ])
    .whereRef('r.rn', '<=', 'r.n');
  return rows(db, query);
}

/** The columns every draw returns: the question at a version, with its content. */
const DRAWN_COLUMNS = [
  'q.id',
  'q.domain',
  'q.section',
  'v.stem',
  'v.options',
  'v.explanation',
  'v.correction',
  'v.references',
] as const;

/** Up to `count` active questions matching the filters (null: no restriction) for practice. */
export function drawMatching(
  db: Db,
  userId: string,
  filters: {
    domains: DomainId[] | null;
    sections: string[] | null;
    style: 'scenario' | 'recall' | null;
    pool: 'all' | 'unseen' | 'wrong';
  },
  count: number,
): Promise<DrawnQuestion[]> {
  const { domains, sections, style, pool } = filters;
  const picked = builder
    .selectFrom('questions as q')
    .leftJoin('user_question_seen as s', (join) =>
      join.on('s.user_id', '=', userId).onRef('s.question_id', '=', 'q.id'),
    )
    .select('q.id')
    .where('q.retired_at', 'is', null)
    .$if(domains !== null, (q) => q.where('q.domain', '=', anyOf(domains ?? [], 'text')))
    .$if(sections !== null, (q) => q.where('q.section', '=', anyOf(sections ?? [], 'text')))
    .$if(style !== null, (q) => q.where('q.style', '=', style ?? 'scenario'))
    .$if(pool === 'unseen', (q) => q.where('s.question_id', 'is', null))
    .$if(pool === 'wrong', (q) =>
      q.where('q.id', 'in', (eb) =>
        // Missed (wrong or unanswered) the last time a finished attempt asked it.
        eb
          .selectFrom((sub) =>
            sub
              .selectFrom('attempt_items as i')
              .innerJoin('attempts as a', 'a.id', 'i.attempt_id')
              .distinctOn('i.question_id')
              .select(['i.question_id', 'i.correct'])
              .where('a.user_id', '=', userId)
              .where('a.status', '<>', 'in_progress')
              .orderBy('i.question_id')
              .orderBy('a.submitted_at', 'desc')
              .as('last'),
          )
          .select('last.question_id')
          .where('last.correct', 'is not', true),
      ),
    )
    .orderBy((eb) => eb.fn.coalesce('s.times_seen', eb.lit(0)))
    .orderBy(sql`random()`)
    .limit(count);
  return rows(
    db,
    builder
      .selectFrom(picked.as('picked'))
      .innerJoin('questions as q', 'q.id', 'picked.id')
      .innerJoin('question_versions as v', (join) =>
        join.onRef('v.question_id', '=', 'q.id').onRef('v.version', '=', 'q.version'),
      )
      .select([...DRAWN_COLUMNS, 'q.version']),
  );
}

/** Up to `count` of the user's due review cards, most overdue first, at the questions' current versions. */
export function drawDue(db: Db, userId: string, now: Date, count: number): Promise<DrawnQuestion[]> {
  const due = builder
    .selectFrom('review_cards as c')
    .innerJoin('questions as q', (join) => join.onRef('q.id', '=', 'c.question_id').on('q.retired_at', 'is', null))
    .select(['c.question_id', 'c.due'])
    .where('c.user_id', '=', userId)
    .where('c.due', '<=', now)
    .orderBy('c.due')
    .orderBy('c.question_id')
    .limit(count);
  return rows(
    db,
    builder
      .selectFrom(due.as('due'))
      .innerJoin('questions as q', 'q.id', 'due.question_id')
      .innerJoin('question_versions as v', (join) =>
        join.onRef('v.question_id', '=', 'q.id').onRef('v.version', '=', 'q.version'),
      )
      .select([...DRAWN_COLUMNS, 'q.version'])
      .orderBy('due.due')
      .orderBy('q.id'),
  );
}

/** Records that the user was shown these questions, so later draws prefer others. */
export async function markSeen(db: Db, userId: string, questionIds: string[], now: Date): Promise<void> {
  if (questionIds.length === 0) return;
  await execute(
    db,
    builder
      .insertInto('user_question_seen')
      .columns(['user_id', 'question_id', 'times_seen', 'last_seen_at'])
      .expression((eb) =>
        eb
          .selectFrom(unnest('t', { question_id: ['text', questionIds] }))
          .select((s) => [
            s.val(userId).as('user_id'),
            't.question_id',
            s.lit(1).as('times_seen'),
            s.val(now).as('last_seen_at'),
          ])
          // Rows are locked in one order by every start, so two starts of one user never deadlock here.
          .orderBy('t.question_id'),
      )
      .onConflict((oc) =>
        oc.columns(['user_id', 'question_id']).doUpdateSet((eb) => ({
          times_seen: eb('user_question_seen.times_seen', '+', 1),
          last_seen_at: eb.ref('excluded.last_seen_at'),
        })),
      ),
  );
}

/**
 * The questions at these positions of an attempt, at the versions that attempt asked, in position
 * order: practising "what I missed" means exactly those questions.
 */
export function drawFromAttempt(db: Db, attemptId: string, positions: number[]): Promise<DrawnQuestion[]> {
  return rows(
    db,
    builder
      .selectFrom('attempt_items as i')
      .innerJoin('questions as q', 'q.id', 'i.question_id')
      .innerJoin('question_versions as v', (join) =>
        join.onRef('v.question_id', '=', 'i.question_id').onRef('v.version', '=', 'i.question_version'),
      )
      .select([...DRAWN_COLUMNS, 'v.version'])
      .where('i.attempt_id', '=', attemptId)
      .where('i.position', '=', anyOf(positions, 'int'))
      .orderBy('i.position'),
  );
}

/** The user's saved questions (newest first, active ones only) at their current versions. */
export function drawSaved(db: Db, userId: string, count: number): Promise<DrawnQuestion[]> {
  return rows(
    db,
    builder
      .selectFrom('saved_questions as s')
      .innerJoin('questions as q', (join) => join.onRef('q.id', '=', 's.question_id').on('q.retired_at', 'is', null))
      .innerJoin('question_versions as v', (join) =>
        join.onRef('v.question_id', '=', 'q.id').onRef('v.version', '=', 'q.version'),
      )
      .select([...DRAWN_COLUMNS, 'q.version'])
      .where('s.user_id', '=', userId)
      .orderBy('s.saved_at', 'desc')
      .orderBy('s.question_id')
      .limit(count),
  );
}
