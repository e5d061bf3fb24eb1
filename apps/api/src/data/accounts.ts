import type { Db } from '../db/prisma-client.ts';
import { builder, firstRow } from '../db/sql.ts';

export function findPasswordHash(db: Db, userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: { passwordHash: true, email: true } });
}

export async function setPasswordHash(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { passwordHash } });
}

/** Ends every session of the user except `keepSessionId` (null: all of them). */
export async function deleteSessionsOf(db: Db, userId: string, keepSessionId: string | null): Promise<number> {
  const { count } = await db.session.deleteMany({
    where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
  });
  return count;
}

/** The account and, through the foreign keys' ON DELETE CASCADE, everything stored about it. */
export async function deleteUser(db: Db, userId: string): Promise<void> {
  await db.user.delete({ where: { id: userId } });
}

/** Everything stored about one user, for the account export. */
export async function exportUserData(db: Db, userId: string) {
  const [user, attempts, savedQuestions, reviewCards, sectionStats, seenQuestions, reports] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, email: true, createdAt: true, role: true },
    }),
    db.attempt.findMany({
      where: { userId },
      orderBy: { startedAt: 'asc' },
      include: {
        items: {
          orderBy: { position: 'asc' },
          select: {
            position: true,
            questionId: true,
            questionVersion: true,
            domain: true,
            section: true,
            optionOrder: true,
            selected: true,
            flagged: true,
            correct: true,
            firstAnsweredAt: true,
            answeredAt: true,
            elapsedMs: true,
            confidence: true,
          },
        },
      },
    }),
    db.savedQuestion.findMany({ where: { userId }, select: { questionId: true, note: true, savedAt: true } }),
    db.reviewCard.findMany({ where: { userId } }),
    db.userSectionStat.findMany({ where: { userId } }),
    db.userQuestionSeen.findMany({ where: { userId } }),
    db.questionReport.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      select: { questionId: true, reason: true, text: true, status: true, createdAt: true },
    }),
  ]);
  return { user, attempts, savedQuestions, reviewCards, sectionStats, seenQuestions, reports };
}

/** A reset token (hashed) for the user, valid until `expiresAt`. */
export async function createPasswordReset(db: Db, userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
  await db.passwordReset.create({ data: { tokenHash, userId, expiresAt } });
}

/** Marks the token used and returns its user, or null when it is unknown, used or expired. */
export async function consumePasswordReset(db: Db, tokenHash: string, now: Date): Promise<string | null> {
  const row = await firstRow(
    db,
    builder
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('user_id'),
  );
  return row?.user_id ?? null;
}
