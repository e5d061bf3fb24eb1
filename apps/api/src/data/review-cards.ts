import type { Db } from '../db/prisma-client.ts';
import type { StoredCard } from '../exam/fsrs.ts';

export async function findCards(db: Db, userId: string, questionIds: string[]): Promise<Map<string, StoredCard>> {
  if (questionIds.length === 0) return new Map();
  const rows = await db.reviewCard.findMany({ where: { userId, questionId: { in: questionIds } } });
  return new Map(rows.map(({ userId: _user, questionId, ...card }) => [questionId, card]));
}

/** Writes the new states of several cards in one statement. */
export async function saveCards(
  db: Db,
  userId: string,
  cards: { questionId: string; card: StoredCard }[],
): Promise<void> {
  if (cards.length === 0) return;
  const col = <T>(pick: (card: StoredCard) => T) => cards.map((c) => pick(c.card));
  await db.$executeRaw`
    INSERT INTO review_cards (user_id, question_id, due, stability, difficulty, elapsed_days, scheduled_days,
                              learning_steps, reps, lapses, state, last_review)
    SELECT ${userId}::uuid, t.*
    FROM unnest(${cards.map((c) => c.questionId)}::text[], ${col((c) => c.due)}::timestamp[],
                ${col((c) => c.stability)}::float8[], ${col((c) => c.difficulty)}::float8[],
                ${col((c) => c.elapsedDays)}::int[], ${col((c) => c.scheduledDays)}::int[],
                ${col((c) => c.learningSteps)}::int[], ${col((c) => c.reps)}::int[], ${col((c) => c.lapses)}::int[],
                ${col((c) => c.state)}::int[], ${col((c) => c.lastReview)}::timestamp[])
         AS t(question_id, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses,
              state, last_review)
    ON CONFLICT (user_id, question_id) DO UPDATE SET
      due = EXCLUDED.due, stability = EXCLUDED.stability, difficulty = EXCLUDED.difficulty,
      elapsed_days = EXCLUDED.elapsed_days, scheduled_days = EXCLUDED.scheduled_days,
      learning_steps = EXCLUDED.learning_steps, reps = EXCLUDED.reps, lapses = EXCLUDED.lapses,
      state = EXCLUDED.state, last_review = EXCLUDED.last_review`;
}

/**
 * Due now / scheduled at all, counting only questions still in the bank (what a drill can take):
 * all the user's cards (one index range), less those of retired questions, found from the few
 * retired questions (their own index) rather than by checking every card against the bank. So the
 * cost barely moves with the number of cards or the size of the bank.
 */
export async function countCards(db: Db, userId: string, now: Date): Promise<{ due: number; scheduled: number }> {
  const rows = await db.$queryRaw<{ due: number; scheduled: number }[]>`
    WITH mine AS (
      SELECT count(*) FILTER (WHERE due <= ${now})::int AS due, count(*)::int AS scheduled
      FROM review_cards WHERE user_id = ${userId}::uuid
    ),
    retired AS (
      SELECT count(*) FILTER (WHERE c.due <= ${now})::int AS due, count(*)::int AS scheduled
      FROM questions q JOIN review_cards c ON c.user_id = ${userId}::uuid AND c.question_id = q.id
      WHERE q.retired_at IS NOT NULL
    )
    SELECT mine.due - retired.due AS due, mine.scheduled - retired.scheduled AS scheduled FROM mine, retired`;
  return rows[0] ?? { due: 0, scheduled: 0 };
}
