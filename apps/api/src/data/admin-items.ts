import type { DomainId } from '@saa/contract/domains';
import type { QuestionOption, QuestionStyle } from '@saa/contract/question';
import type { ReportReason } from '@saa/contract/reports';
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { OptionCounts } from '../db/json-columns.ts';
import type { Db } from '../db/prisma-client.ts';
import { builder, rows } from '../db/sql.ts';

export interface AdminItemRow {
  questionId: string;
  domain: DomainId;
  section: string;
  style: QuestionStyle;
  stem: string;
  options: QuestionOption[];
  explanation: string;
  answered: number;
  correct: number;
  sumRest: number;
  sumRestSquared: number;
  sumRestCorrect: number;
  optionCounts: Record<string, number>;
  openReports: { reason: ReportReason; text: string; createdAt: string }[];
  suspended: boolean;
}

/**
 * Active questions with their statistics, open reports and suspension: those with an open report,
 * or (`minAnswers` > 0) those with at least that many answers. At most `limit` rows, most answered
 * and most reported first.
 */
export function findAdminItems(
  db: Db,
  which: { reported: true } | { minAnswers: number },
  limit: number,
): Promise<AdminItemRow[]> {
  return rows(
    db,
    builder
      .selectFrom('questions as q')
      .innerJoin('question_versions as v', (join) =>
        join.onRef('v.question_id', '=', 'q.id').onRef('v.version', '=', 'q.version'),
      )
      .leftJoin('item_stats as s', 's.question_id', 'q.id')
      .select((eb) => [
        'q.id as questionId',
        'q.domain',
        'q.section',
        'q.style',
        'v.stem',
        'v.options',
        'v.explanation',
        eb.fn.coalesce('s.answered', eb.lit(0)).as('answered'),
        eb.fn.coalesce('s.correct', eb.lit(0)).as('correct'),
        eb.fn.coalesce('s.sum_rest', eb.lit(0)).as('sumRest'),
        eb.fn.coalesce('s.sum_rest_squared', eb.lit(0)).as('sumRestSquared'),
        eb.fn.coalesce('s.sum_rest_correct', eb.lit(0)).as('sumRestCorrect'),
        eb.fn.coalesce('s.option_counts', sql<OptionCounts>`'{}'::jsonb`).as('optionCounts'),
        jsonArrayFrom(
          eb
            .selectFrom('question_reports as r')
            .select((r) => [
              'r.reason',
              'r.text',
              sql<string>`to_char(${r.ref('r.created_at')}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as('createdAt'),
            ])
            .whereRef('r.question_id', '=', 'q.id')
            .where('r.status', '=', 'open')
            .orderBy('r.created_at'),
        ).as('openReports'),
        eb
          .exists(
            eb.selectFrom('question_suspensions as x').select('x.question_id').whereRef('x.question_id', '=', 'q.id'),
          )
          .as('suspended'),
      ])
      // EXISTS gives a boolean on Postgres (Kysely's SqlBool also allows MySQL's 0 and 1).
      .$narrowType<{ suspended: boolean }>()
      .where('q.retired_at', 'is', null)
      .where((eb) =>
        'reported' in which
          ? eb.exists(
              eb
                .selectFrom('question_reports as r')
                .select('r.question_id')
                .whereRef('r.question_id', '=', 'q.id')
                .where('r.status', '=', 'open'),
            )
          : eb(eb.fn.coalesce('s.answered', eb.lit(0)), '>=', which.minAnswers),
      )
      .orderBy('answered', 'desc')
      .orderBy('q.id')
      .limit(limit),
  );
}

export async function questionExists(db: Db, questionId: string): Promise<boolean> {
  return (await db.question.count({ where: { id: questionId } })) > 0;
}

/** False when there is no such question. */
export async function suspendQuestion(db: Db, questionId: string, by: string, now: Date): Promise<boolean> {
  if (!(await questionExists(db, questionId))) return false;
  await db.questionSuspension.upsert({
    where: { questionId },
    create: { questionId, suspendedAt: now, suspendedBy: by },
    update: {},
  });
  return true;
}

export async function liftSuspension(db: Db, questionId: string): Promise<void> {
  await db.questionSuspension.deleteMany({ where: { questionId } });
}
