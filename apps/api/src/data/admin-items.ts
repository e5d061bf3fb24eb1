import type { QuestionOption, QuestionStyle } from '@saa/contract/question';
import type { ReportReason } from '@saa/contract/reports';
import type { Db } from '../db/prisma-client.ts';
import { Prisma } from '../generated/prisma/client.ts';

export interface AdminItemRow {
  questionId: string;
  domain: string;
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
  const filter =
    'reported' in which
      ? Prisma.sql`EXISTS (SELECT 1 FROM question_reports r WHERE r.question_id = q.id AND r.status = 'open')`
      : Prisma.sql`coalesce(s.answered, 0) >= ${which.minAnswers}`;
  return db.$queryRaw<AdminItemRow[]>`
    SELECT q.id AS "questionId", q.domain, q.section, q.style::text AS style,
           v.stem, v.options, v.explanation,
           coalesce(s.answered, 0) AS answered, coalesce(s.correct, 0) AS correct,
           coalesce(s.sum_rest, 0) AS "sumRest", coalesce(s.sum_rest_squared, 0) AS "sumRestSquared",
           coalesce(s.sum_rest_correct, 0) AS "sumRestCorrect", coalesce(s.option_counts, '{}'::jsonb) AS "optionCounts",
           coalesce((
             SELECT jsonb_agg(jsonb_build_object('reason', r.reason, 'text', r.text,
                                                 'createdAt', to_char(r.created_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                              ORDER BY r.created_at)
             FROM question_reports r WHERE r.question_id = q.id AND r.status = 'open'
           ), '[]'::jsonb) AS "openReports",
           EXISTS (SELECT 1 FROM question_suspensions x WHERE x.question_id = q.id) AS suspended
    FROM questions q
    JOIN question_versions v ON v.question_id = q.id AND v.version = q.version
    LEFT JOIN item_stats s ON s.question_id = q.id
    WHERE q.retired_at IS NULL AND ${filter}
    ORDER BY answered DESC, q.id
    LIMIT ${limit}`;
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
