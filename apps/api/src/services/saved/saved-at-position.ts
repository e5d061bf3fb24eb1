import { deleteSaved, upsertSaved } from '../../data/saved-questions.ts';
import type { PrismaClient } from '../../db/prisma-client.ts';
import { questionAt } from '../attempts/question-at-position.ts';

export async function saveAtPosition(prisma: PrismaClient, userId: string, attemptId: string, position: number) {
  const now = new Date();
  await upsertSaved(prisma, userId, await questionAt(prisma, userId, attemptId, position, now), undefined, now);
}

export async function unsaveAtPosition(prisma: PrismaClient, userId: string, attemptId: string, position: number) {
  await deleteSaved(prisma, userId, await questionAt(prisma, userId, attemptId, position, new Date()));
}
