import type { AttemptListResponse } from '@saa/contract/attempts';
import { listAttempts as listAttemptRows } from '../../data/attempts.ts';
import type { PrismaClient } from '../../db/prisma-client.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { expireOverdueOf } from './current-attempt.ts';
import { presentSummary } from './present-attempt.ts';

/** One page of the user's attempts, newest first, with the cursor of the next page. */
export async function listAttempts(
  prisma: PrismaClient,
  userId: string,
  page: { limit: number; cursor?: string | undefined },
  now: Date,
): Promise<AttemptListResponse> {
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  await expireOverdueOf(prisma, userId, now);
  const rows = await listAttemptRows(prisma, userId, page.limit, after);
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return {
    items: shown.map((row) => presentSummary(row, now)),
    nextCursor: rows.length > shown.length && last ? encodeCursor(last) : null,
  };
}
