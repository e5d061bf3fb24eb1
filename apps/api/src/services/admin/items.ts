import type { AdminItem, AdminItemsResponse, ItemFlag } from '@saa/contract/admin';
import {
  type AdminItemRow,
  findAdminItems,
  liftSuspension,
  questionExists,
  suspendQuestion,
} from '../../data/admin-items.ts';
import type { PrismaClient } from '../../db/prisma-client.ts';
import { discrimination, facility, ITEM_THRESHOLDS, itemFlags } from '../../exam/item-statistics.ts';
import { AppError } from '../../lib/app-error.ts';
import { sectionTitle } from '../../lib/sections.ts';

/** At most this many items per list: an operator works through the worst first. */
const LIST_LIMIT = 200;

function present(row: AdminItemRow): AdminItem {
  const answered = row.answered;
  return {
    questionId: row.questionId,
    domain: row.domain,
    section: row.section,
    sectionTitle: sectionTitle(row.section),
    style: row.style,
    stem: row.stem,
    options: row.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct, rationale: o.rationale })),
    explanation: row.explanation,
    stats: {
      answered,
      facility: facility(row),
      discrimination: discrimination(row),
      optionShares: row.options.map((o) => ({
        optionId: o.id,
        share: answered > 0 ? (row.optionCounts[o.id] ?? 0) / answered : 0,
      })),
    },
    flags: itemFlags(row),
    reports: row.openReports,
    suspended: row.suspended,
  };
}

/** The items an operator should look at for one flag, with their statistics and open reports. */
export async function listFlaggedItems(prisma: PrismaClient, flag: ItemFlag): Promise<AdminItemsResponse> {
  const rows =
    flag === 'reported'
      ? await findAdminItems(prisma, { reported: true }, LIST_LIMIT)
      : // Statistics flags need enough answers; the flag itself is computed from the sums.
        (await findAdminItems(prisma, { minAnswers: ITEM_THRESHOLDS.minAnswers }, 5_000)).filter((row) =>
          itemFlags(row).includes(flag),
        );
  const items = rows.slice(0, LIST_LIMIT).map(present);
  if (flag === 'hard' || flag === 'negative-discrimination') {
    const key = (i: AdminItem) => (flag === 'hard' ? i.stats.facility : i.stats.discrimination) ?? 0;
    items.sort((a, b) => key(a) - key(b));
  }
  if (flag === 'easy') items.sort((a, b) => (b.stats.facility ?? 0) - (a.stats.facility ?? 0));
  if (flag === 'reported') items.sort((a, b) => b.reports.length - a.reports.length);
  return { flag, thresholds: { ...ITEM_THRESHOLDS }, items };
}

/** Takes a question out of mocks (or puts it back); idempotent. */
export async function setSuspended(prisma: PrismaClient, questionId: string, suspended: boolean, adminId: string) {
  if (!(await questionExists(prisma, questionId))) throw new AppError('not_found', `No question ${questionId}.`);
  if (suspended) await suspendQuestion(prisma, questionId, adminId, new Date());
  else await liftSuspension(prisma, questionId);
}

/** Statistics and open reports of every item that has either, for the bank's authors. */
export async function bankFeedback(prisma: PrismaClient) {
  const [answered, reported] = await Promise.all([
    findAdminItems(prisma, { minAnswers: 1 }, 100_000),
    findAdminItems(prisma, { reported: true }, 100_000),
  ]);
  const byId = new Map([...answered, ...reported].map((row) => [row.questionId, present(row)]));
  return {
    thresholds: { ...ITEM_THRESHOLDS },
    items: [...byId.values()].map(({ questionId, section, stats, flags, reports, suspended }) => ({
      questionId,
      section,
      ...stats,
      flags,
      reports,
      suspended,
    })),
  };
}
