import type { Db } from '../db/prisma-client.ts';

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
  await tx.$executeRaw`
    INSERT INTO item_stats AS s (question_id, answered, correct, sum_rest, sum_rest_squared, sum_rest_correct,
                                 option_counts, updated_at)
    SELECT t.id, 1, t.correct::int, t.rest, t.rest * t.rest, CASE WHEN t.correct THEN t.rest ELSE 0 END,
           t.options::jsonb, now()
    FROM unnest(${ids}::text[], ${correct}::boolean[], ${rest}::float8[], ${options}::text[])
         WITH ORDINALITY AS t(id, correct, rest, options, k)
    ORDER BY t.k
    ON CONFLICT (question_id) DO UPDATE SET
      answered = s.answered + 1,
      correct = s.correct + EXCLUDED.correct,
      sum_rest = s.sum_rest + EXCLUDED.sum_rest,
      sum_rest_squared = s.sum_rest_squared + EXCLUDED.sum_rest_squared,
      sum_rest_correct = s.sum_rest_correct + EXCLUDED.sum_rest_correct,
      option_counts = (
        SELECT coalesce(jsonb_object_agg(key, total), '{}'::jsonb)
        FROM (
          SELECT key, sum(value::int) AS total
          FROM (SELECT * FROM jsonb_each_text(s.option_counts)
                UNION ALL SELECT * FROM jsonb_each_text(EXCLUDED.option_counts)) e
          GROUP BY key
        ) merged
      ),
      updated_at = now()`;
}
