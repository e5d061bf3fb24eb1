import { sql } from 'kysely';
import type { OptionCounts } from '../db/json-columns.ts';
import type { Db } from '../db/prisma-client.ts';
import { builder, execute, unnest } from '../db/sql.ts';

/** One answered question of a scored attempt, as item statistics count it. */
export interface ItemAnswer {
  questionId: string;
  correct: boolean;
  /** Share right of the attempt's other questions. */
  rest: number;
  selected: string[];
}

/**
 * Adds one scored attempt's answers to the running sums, in one statement. Rows are written in
 * question id order, so that two attempts scored at once lock shared rows in the same order.
 */
export async function addItemAnswers(tx: Db, answers: ItemAnswer[]): Promise<void> {
  if (answers.length === 0) return;
  const sorted = [...answers].sort((a, b) => (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0));
  const ids = sorted.map((a) => a.questionId);
  const correct = sorted.map((a) => a.correct);
  const rest = sorted.map((a) => a.rest);
  const options = sorted.map((a) => JSON.stringify(Object.fromEntries(a.selected.map((id) => [id, 1]))));
  const incoming = unnest(
    't',
    { id: ['text', ids], correct: ['boolean', correct], rest: ['float8', rest], options: ['text', options] },
    'k',
  );
  await execute(
    tx,
    builder
      .insertInto('item_stats')
      .columns([
        'question_id',
        'answered',
        'correct',
        'sum_rest',
        'sum_rest_squared',
        'sum_rest_correct',
        'option_counts',
        'updated_at',
      ])
      .expression((eb) =>
        eb
          .selectFrom(incoming)
          .select((t) => [
            't.id',
            t.lit(1).as('answered'),
            t.cast<number>('t.correct', 'integer').as('correct'),
            't.rest',
            t('t.rest', '*', t.ref('t.rest')).as('sum_rest_squared'),
            t.case().when('t.correct', '=', true).then(t.ref('t.rest')).else(0).end().as('sum_rest_correct'),
            t.cast<OptionCounts>('t.options', 'jsonb').as('option_counts'),
            sql<Date>`now()`.as('updated_at'),
          ])
          .orderBy('t.k'),
      )
      .onConflict((oc) =>
        oc.column('question_id').doUpdateSet((eb) => ({
          answered: eb('item_stats.answered', '+', 1),
          correct: eb('item_stats.correct', '+', eb.ref('excluded.correct')),
          sum_rest: eb('item_stats.sum_rest', '+', eb.ref('excluded.sum_rest')),
          sum_rest_squared: eb('item_stats.sum_rest_squared', '+', eb.ref('excluded.sum_rest_squared')),
          sum_rest_correct: eb('item_stats.sum_rest_correct', '+', eb.ref('excluded.sum_rest_correct')),
          option_counts: sql<OptionCounts>`(
            SELECT coalesce(jsonb_object_agg(key, total), '{}'::jsonb)
            FROM (
              SELECT key, sum(value::int) AS total
              FROM (SELECT * FROM jsonb_each_text(${eb.ref('item_stats.option_counts')})
                    UNION ALL SELECT * FROM jsonb_each_text(${eb.ref('excluded.option_counts')})) e
              GROUP BY key
            ) merged
          )`,
          updated_at: sql<Date>`now()`,
        })),
      ),
  );
}
