import type { SavedListResponse, SavedQuestion, SeenSearchResponse } from '@saa/contract/saved';
import {
  deleteSaved,
  findSaved,
  isReadable,
  listSaved,
  savedQuestionIds,
  searchSeen,
  upsertSaved,
} from '../../data/saved-questions.ts';
import type { PrismaClient } from '../../db/prisma-client.ts';
import { AppError } from '../../lib/app-error.ts';
import { presentSaved, presentSeenQuestion } from './present-saved.ts';

const notReadable = () =>
  new AppError(
    'not_found',
    'You can save a question once you have seen its answer: after the attempt that asked it ends, or once practice feedback shows it.',
  );

export async function listSavedQuestions(prisma: PrismaClient, userId: string): Promise<SavedListResponse> {
  return { items: (await listSaved(prisma, userId)).map(presentSaved) };
}

/** Saves a question the user may read (or changes its note). */
export async function saveQuestion(
  prisma: PrismaClient,
  userId: string,
  questionId: string,
  note: string | undefined,
  now: Date,
): Promise<SavedQuestion> {
  if (!(await isReadable(prisma, userId, questionId))) throw notReadable();
  await upsertSaved(prisma, userId, questionId, note, now);
  const saved = await findSaved(prisma, userId, questionId);
  if (!saved) throw notReadable();
  return presentSaved(saved);
}

export async function unsaveQuestion(prisma: PrismaClient, userId: string, questionId: string): Promise<void> {
  if (!(await deleteSaved(prisma, userId, questionId))) {
    throw new AppError('not_found', 'This question is not among your saved questions.');
  }
}

/** The questions the user has seen the answer of whose text matches, with their keys. */
export async function searchSeenQuestions(
  prisma: PrismaClient,
  userId: string,
  query: { q: string; limit: number },
): Promise<SeenSearchResponse> {
  const rows = await searchSeen(prisma, userId, query.q, query.limit);
  const saved = await savedQuestionIds(
    prisma,
    userId,
    rows.map((r) => r.questionId),
  );
  return { items: rows.map((row) => ({ ...presentSeenQuestion(row), saved: saved.has(row.questionId) })) };
}
