// Synthetic data written straight with SQL, for tests and the benchmark's growth measurements:
// questions for the bank and scored attempts (with their items, section totals, review cards and
// seen-marks) for one user.
import { DOMAINS } from '@saa/contract/domains';
import { SECTIONS } from '@saa/question-bank/sections';

/** A pg client or pool. */
export interface Queryable {
  query<R extends Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

const DOMAIN_IDS = DOMAINS.map((d) => d.id);
const SECTION_IDS = SECTIONS.map((s) => s.id);

/** Adds questions `synthetic-<from>` … `synthetic-<to - 1>` at version 1, spread over domains and sections. */
export async function insertQuestions(db: Queryable, from: number, to: number): Promise<void> {
  if (to <= from) return;
  await db.query(
    `INSERT INTO questions (id, section, domain, type, difficulty, style, version, content_hash, updated_at)
     SELECT 'synthetic-' || g, ($3::text[])[1 + (g / 4) % cardinality($3::text[])], ($4::text[])[1 + g % 4],
            'single', 1 + g % 3, 'scenario', 1, md5(g::text), now()
     FROM generate_series($1::int, $2::int - 1) g`,
    [from, to, SECTION_IDS, DOMAIN_IDS],
  );
  // Stems and options about as long as the real bank's, so that rows and payloads are realistic.
  await db.query(
    `INSERT INTO question_versions (question_id, version, stem, options, explanation)
     SELECT 'synthetic-' || g, 1,
            'Synthetic question ' || g || '. ' || repeat('A company runs a workload on AWS and needs a design. ', 5) ||
              'Which solution meets these requirements?',
            jsonb_build_array(
              jsonb_build_object('id', 'a', 'text', 'Option A of question ' || g || repeat(' with some detail', 4),
                                 'correct', false, 'rationale', repeat('This option does not fit. ', 4)),
              jsonb_build_object('id', 'b', 'text', 'Option B of question ' || g || repeat(' with some detail', 4),
                                 'correct', true, 'rationale', repeat('This option meets the need. ', 4)),
              jsonb_build_object('id', 'c', 'text', 'Option C of question ' || g || repeat(' with some detail', 4),
                                 'correct', false, 'rationale', repeat('This option does not fit. ', 4)),
              jsonb_build_object('id', 'd', 'text', 'Option D of question ' || g || repeat(' with some detail', 4),
                                 'correct', false, 'rationale', repeat('This option does not fit. ', 4))),
            repeat('Explains why option B is the keyed answer. ', 6)
     FROM generate_series($1::int, $2::int - 1) g`,
    [from, to],
  );
}

/**
 * Gives `userId` `count` scored attempts (three mocks of 65 questions for every practice set of
 * 20, one every few hours back in time), with answered and judged items drawn from the first
 * `poolSize` synthetic questions, and the running totals scoring would have kept: the count of
 * scored attempts, section stats, review cards for the questions answered wrong, and seen-marks.
 */
export async function insertScoredAttempts(
  db: Queryable,
  userId: string,
  count: number,
  poolSize: number,
): Promise<void> {
  await db.query(
    `WITH made AS (
       INSERT INTO attempts (id, user_id, mode, status, feedback, question_count, started_at, deadline, submitted_at,
                             correct_count, percent, scaled_score, passed, result)
       SELECT gen_random_uuid(), $1::uuid, m.mode::"AttemptMode", 'submitted', 'deferred', m.n, t.started,
              CASE WHEN m.mode = 'mock' THEN t.started + interval '130 minutes' END, t.started + interval '80 minutes',
              c.correct, round(1000.0 * c.correct / m.n) / 10, 100 + round(900.0 * c.correct / m.n)::int,
              100 + round(900.0 * c.correct / m.n)::int >= 720, jsonb_build_object('synthetic', true, 'domains', '[]'::jsonb)
       FROM generate_series(1, $2::int) g
       CROSS JOIN LATERAL (SELECT CASE WHEN g % 4 = 0 THEN 'practice' ELSE 'mock' END AS mode,
                                  CASE WHEN g % 4 = 0 THEN 20 ELSE 65 END AS n) m
       CROSS JOIN LATERAL (SELECT now() - make_interval(hours => 3 * g) AS started) t
       CROSS JOIN LATERAL (SELECT (m.n * (0.45 + 0.5 * random()))::int AS correct) c
       RETURNING id, question_count, started_at
     )
     INSERT INTO attempt_items (attempt_id, position, question_id, question_version, domain, section, choose, option_order,
                                selected, flagged, seq, first_answered_at, answered_at, correct)
     SELECT made.id, p, q.id, 1, q.domain, q.section, 1, ARRAY['c', 'a', 'd', 'b'],
            CASE WHEN random() < 0.7 THEN ARRAY['b'] ELSE ARRAY['a'] END, random() < 0.05, p,
            made.started_at + make_interval(mins => p), made.started_at + make_interval(mins => p), false
     FROM made
     CROSS JOIN generate_series(1, made.question_count) p
     JOIN questions q ON q.id = 'synthetic-' || ((p::bigint * 7919 + abs(hashtext(made.id::text)::bigint)) % $3::int)`,
    [userId, count, poolSize],
  );
  // The running count scoring keeps.
  await db.query('UPDATE users SET scored_attempts = scored_attempts + $2 WHERE id = $1::uuid', [userId, count]);
  await db.query(
    `UPDATE attempt_items i SET correct = (i.selected = ARRAY['b'])
     FROM attempts a WHERE a.id = i.attempt_id AND a.user_id = $1::uuid`,
    [userId],
  );
  await db.query(
    `INSERT INTO user_section_stats (user_id, section, domain, answered, correct)
     SELECT $1::uuid, i.section, i.domain, count(*), count(*) FILTER (WHERE i.correct)
     FROM attempt_items i JOIN attempts a ON a.id = i.attempt_id
     WHERE a.user_id = $1::uuid GROUP BY i.section, i.domain
     ON CONFLICT (user_id, section, domain) DO UPDATE SET answered = EXCLUDED.answered, correct = EXCLUDED.correct`,
    [userId],
  );
  await db.query(
    `INSERT INTO user_question_seen (user_id, question_id, times_seen, last_seen_at)
     SELECT $1::uuid, i.question_id, count(*), max(i.answered_at)
     FROM attempt_items i JOIN attempts a ON a.id = i.attempt_id
     WHERE a.user_id = $1::uuid GROUP BY i.question_id
     ON CONFLICT (user_id, question_id) DO UPDATE SET times_seen = EXCLUDED.times_seen`,
    [userId],
  );
  await db.query(
    `INSERT INTO review_cards (user_id, question_id, due, stability, difficulty, elapsed_days, scheduled_days,
                               learning_steps, reps, lapses, state, last_review)
     SELECT $1::uuid, i.question_id, now() + make_interval(days => (random() * 60)::int - 30), 3, 5, 1, 3, 0,
            count(*), count(*) FILTER (WHERE NOT i.correct), 2, max(i.answered_at)
     FROM attempt_items i JOIN attempts a ON a.id = i.attempt_id
     WHERE a.user_id = $1::uuid GROUP BY i.question_id HAVING bool_or(NOT i.correct)
     ON CONFLICT (user_id, question_id) DO NOTHING`,
    [userId],
  );
}
