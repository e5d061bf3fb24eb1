import type { AttemptResponse } from '@saa/contract/attempts';
import { findItems } from '../../data/attempts.ts';
import type { PrismaClient } from '../../db/prisma-client.ts';
import { currentAttempt } from './current-attempt.ts';
import { presentAttempt } from './present-attempt.ts';

/** An attempt with its questions and saved answers, as the runner (or a finished view) shows it. */
export async function readAttempt(
  prisma: PrismaClient,
  userId: string,
  id: string,
  now: Date,
): Promise<AttemptResponse> {
  const attempt = await currentAttempt(prisma, userId, id, now);
  const items = await findItems(prisma, attempt.id, { teaching: attempt.feedback === 'immediate' });
  return presentAttempt(attempt, items, now);
}
