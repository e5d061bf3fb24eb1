import type { ReportReason } from '@saa/contract/reports';
import type { Db } from '../db/prisma-client.ts';

export interface ReportRow {
  id: string;
  questionId: string;
  reason: ReportReason;
  text: string;
  status: 'open' | 'closed';
  createdAt: Date;
}

/** Null when the user already has an open report on this question (the partial unique index decides). */
export async function insertReport(
  db: Db,
  report: { userId: string; questionId: string; reason: ReportReason; text: string; now: Date },
): Promise<ReportRow | null> {
  try {
    return await db.questionReport.create({
      data: {
        userId: report.userId,
        questionId: report.questionId,
        reason: report.reason,
        text: report.text,
        createdAt: report.now,
      },
      select: { id: true, questionId: true, reason: true, text: true, status: true, createdAt: true },
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'P2002') return null;
    throw error;
  }
}
