import { stringify } from 'csv-stringify/sync';
import { findItems, type ItemRow } from '../../data/attempts.ts';
import type { PrismaClient } from '../../db/prisma-client.ts';
import { sectionTitle } from '../../lib/sections.ts';
import { inProgressError } from './attempt-errors.ts';
import { currentAttempt } from './current-attempt.ts';
import { presentResult } from './present-attempt.ts';

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

/** One row per question of a finished attempt, for a spreadsheet, with the file name to offer. */
export async function attemptResultsCsv(
  prisma: PrismaClient,
  userId: string,
  id: string,
  now: Date,
): Promise<{ csv: string; fileName: string }> {
  const attempt = await currentAttempt(prisma, userId, id, now);
  if (attempt.status === 'in_progress' || !attempt.result) {
    throw inProgressError('Results can be downloaded once the attempt is submitted.');
  }
  const times = new Map(presentResult(attempt.result, attempt.mode).questionTimes.map((t) => [t.position, t]));
  const items = await findItems(prisma, attempt.id);
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
  return { csv, fileName: `saa-${attempt.mode}-${day}.csv` };
}
