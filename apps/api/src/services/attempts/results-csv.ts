import { AttemptIdParams } from '@saa/contract/attempts';
import { stringify } from 'csv-stringify/sync';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findItems, type ItemRow } from '../../data/attempts.ts';
import { AppError } from '../../lib/app-error.ts';
import { problems } from '../../lib/problem-responses.ts';
import { sectionTitle } from '../../lib/sections.ts';
import { currentUser } from '../../plugins/app/auth.ts';
import { currentAttempt } from './lifecycle.ts';
import { presentResult } from './present.ts';

const LETTERS = 'ABCDEF';

/** Option ids as the letters the attempt showed (A = first shown). */
const lettersOf = (item: ItemRow, ids: readonly string[]) =>
  item.optionOrder
    .map((id, i) => (ids.includes(id) ? LETTERS[i] : null))
    .filter(Boolean)
    .join(' ');

function verdict(item: ItemRow): string {
  if (item.selected.length === 0) return 'unanswered';
  return item.correct === true ? 'correct' : 'wrong';
}

/** One row per question of a finished attempt, for a spreadsheet. */
const resultsCsvRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id/results.csv',
    {
      schema: {
        tags: ['attempts'],
        summary: 'The results of a finished attempt as CSV, one row per question',
        params: AttemptIdParams,
        produces: ['text/csv'],
        response: { 200: z.string(), ...problems(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const attempt = await currentAttempt(app, currentUser(request).id, request.params.id, new Date());
      if (attempt.status === 'in_progress' || !attempt.result) {
        throw new AppError('attempt_in_progress', 'Results can be downloaded once the attempt is submitted.');
      }
      const times = new Map(presentResult(attempt.result, attempt.mode).questionTimes.map((t) => [t.position, t]));
      const items = await findItems(app.prisma, attempt.id);
      const csv = stringify(
        items.map((item) => {
          const time = times.get(item.position);
          return [
            item.position,
            item.questionId,
            item.domain,
            sectionTitle(item.section),
            verdict(item),
            lettersOf(item, item.selected),
            lettersOf(
              item,
              item.options.filter((o) => o.correct).map((o) => o.id),
            ),
            item.flagged ? 'yes' : 'no',
            time?.seconds ?? '',
            time ? (time.measured ? 'measured' : 'estimated') : '',
            item.stem,
          ];
        }),
        {
          header: true,
          columns: [
            'position',
            'question_id',
            'domain',
            'section',
            'result',
            'your_answer',
            'correct_answer',
            'flagged',
            'seconds',
            'time',
            'question',
          ],
        },
      );
      const day = (attempt.submittedAt ?? attempt.startedAt).toISOString().slice(0, 10);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="saa-${attempt.mode}-${day}.csv"`)
        .send(csv);
    },
  );
};

export default resultsCsvRoute;
