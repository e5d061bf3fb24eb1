import type { Db } from '../db/prisma-client.ts';
import { builder, execute, firstRow, unnest } from '../db/sql.ts';
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
  const columns = [
    'due',
    'stability',
    'difficulty',
    'elapsed_days',
    'scheduled_days',
    'learning_steps',
    'reps',
    'lapses',
    'state',
    'last_review',
  ] as const;
  const incoming = unnest('t', {
    question_id: ['text', cards.map((c) => c.questionId)],
    due: ['timestamp', col((c) => c.due)],
    stability: ['float8', col((c) => c.stability)],
    difficulty: ['float8', col((c) => c.difficulty)],
    elapsed_days: ['int', col((c) => c.elapsedDays)],
    scheduled_days: ['int', col((c) => c.scheduledDays)],
    learning_steps: ['int', col((c) => c.learningSteps)],
    reps: ['int', col((c) => c.reps)],
    lapses: ['int', col((c) => c.lapses)],
    state: ['int', col((c) => c.state)],
    last_review: ['timestamp', col((c) => c.lastReview)],
  });
  await execute(
    db,
    builder
      .insertInto('review_cards')
      .columns(['user_id', 'question_id', ...columns])
      .expression((eb) =>
        eb
          .selectFrom(incoming)
          .select((s) => [s.val(userId).as('user_id'), 't.question_id', ...columns.map((c) => `t.${c}` as const)]),
      )
      .onConflict((oc) =>
        oc
          .columns(['user_id', 'question_id'])
          .doUpdateSet((eb) => Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)]))),
      ),
  );
}

/**
 * Due now / scheduled at all, counting only questions still in the bank (what a drill can take):
 * all the user's cards (one index range), less those of retired questions, found from the few
 * retired questions (their own index) rather than by checking every card against the bank. So the
 * cost barely moves with the number of cards or the size of the bank.
 */
export async function countCards(db: Db, userId: string, now: Date): Promise<{ due: number; scheduled: number }> {
  const row = await firstRow(
    db,
    builder
      .with('mine', (q) =>
        q
          .selectFrom('review_cards as c')
          .select((eb) => [
            eb.cast<number>(eb.fn.countAll().filterWhere('c.due', '<=', now), 'integer').as('due'),
            eb.cast<number>(eb.fn.countAll(), 'integer').as('scheduled'),
          ])
          .where('c.user_id', '=', userId),
      )
      .with('retired', (q) =>
        q
          .selectFrom('questions as q')
          .innerJoin('review_cards as c', (join) =>
            join.on('c.user_id', '=', userId).onRef('c.question_id', '=', 'q.id'),
          )
          .select((eb) => [
            eb.cast<number>(eb.fn.countAll().filterWhere('c.due', '<=', now), 'integer').as('due'),
            eb.cast<number>(eb.fn.countAll(), 'integer').as('scheduled'),
          ])
          .where('q.retired_at', 'is not', null),
      )
      .selectFrom(['mine', 'retired'])
      .select((eb) => [
        eb('mine.due', '-', eb.ref('retired.due')).as('due'),
        eb('mine.scheduled', '-', eb.ref('retired.scheduled')).as('scheduled'),
      ]),
  );
  return row ?? { due: 0, scheduled: 0 };
}
