import type { CreateReportRequest, ReportResponse } from '@saa/contract/reports';
import type { FastifyBaseLogger } from 'fastify';
import { insertReport, type ReportRow } from '../../data/question-reports.ts';
import { isReadable } from '../../data/saved-questions.ts';
import type { PrismaClient } from '../../db/prisma-client.ts';
import { AppError, invalidField } from '../../lib/app-error.ts';
import { questionAt } from '../attempts/question-at-position.ts';

type ReportInput = { reason: CreateReportRequest['reason']; text: string };

function present(row: ReportRow): ReportResponse {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

async function fileReport(
  prisma: PrismaClient,
  userId: string,
  questionId: string,
  report: ReportInput,
  log: FastifyBaseLogger,
): Promise<ReportResponse> {
  if (report.reason === 'other' && report.text === '') {
    throw invalidField('body.text', 'say what is wrong when the reason is "other"');
  }
  const row = await insertReport(prisma, { userId, questionId, ...report, now: new Date() });
  if (!row) {
    throw new AppError(
      'conflict',
      'You already have an open report on this question; it stays open until the bank is corrected.',
    );
  }
  log.info({ event: 'question_reported', questionId, reason: report.reason }, 'question reported');
  return present(row);
}

/** A report on a question the user may read (seen in an ended attempt, or judged in practice). */
export async function reportQuestion(
  prisma: PrismaClient,
  userId: string,
  questionId: string,
  report: ReportInput,
  log: FastifyBaseLogger,
): Promise<ReportResponse> {
  if (!(await isReadable(prisma, userId, questionId))) {
    throw new AppError('not_found', 'You can report a question once you have seen its answer.');
  }
  return fileReport(prisma, userId, questionId, report, log);
}

/** The same from a running attempt's feedback card, which knows the question by its position. */
export async function reportAtPosition(
  prisma: PrismaClient,
  userId: string,
  attemptId: string,
  position: number,
  report: ReportInput,
  log: FastifyBaseLogger,
): Promise<ReportResponse> {
  const questionId = await questionAt(prisma, userId, attemptId, position, new Date());
  return fileReport(prisma, userId, questionId, report, log);
}
