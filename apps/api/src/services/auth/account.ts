import type { AccountExportResponse } from '@saa/contract/auth';
import type { FastifyBaseLogger } from 'fastify';
import {
  deleteSessionsOf,
  deleteUser,
  exportUserData,
  findPasswordHash,
  setPasswordHash,
} from '../../data/accounts.ts';
import { clearFailures } from '../../data/sign-in-failures.ts';
import type { PrismaClient } from '../../db/prisma-client.ts';
import { invalidField } from '../../lib/app-error.ts';
import { passwordProblem } from '../../lib/password-policy.ts';
import { checkPassword, hashPassword } from '../../lib/passwords.ts';

/** The password, checked again for changes that matter; a wrong one is a field error (400). */
async function confirmPassword(prisma: PrismaClient, userId: string, password: string, field: string) {
  const stored = await findPasswordHash(prisma, userId);
  if (!stored || !(await checkPassword(stored.passwordHash, password))) {
    throw invalidField(field, 'this is not your current password');
  }
  return stored;
}

/** A new password; every other session of the account ends (`keepSessionId` is the caller's). */
export async function changePassword(
  prisma: PrismaClient,
  userId: string,
  request: { currentPassword: string; newPassword: string },
  keepSessionId: string | null,
  log: FastifyBaseLogger,
): Promise<void> {
  const stored = await confirmPassword(prisma, userId, request.currentPassword, 'body.currentPassword');
  const weak = passwordProblem(request.newPassword, [stored.email]);
  if (weak) throw invalidField('body.newPassword', weak);
  await setPasswordHash(prisma, userId, await hashPassword(request.newPassword));
  await deleteSessionsOf(prisma, userId, keepSessionId);
  await clearFailures(prisma, stored.email);
  log.info({ event: 'password_changed', userId }, 'password changed; other sessions ended');
}

/** Every session of the account ends; the caller clears this browser's cookie. */
export async function endEverySession(prisma: PrismaClient, userId: string, log: FastifyBaseLogger): Promise<void> {
  await deleteSessionsOf(prisma, userId, null);
  log.info({ event: 'logout_all', userId }, 'every session ended');
}

/** Everything stored about the user, as JSON. */
export async function exportAccount(prisma: PrismaClient, userId: string, now: Date): Promise<AccountExportResponse> {
  const data = await exportUserData(prisma, userId);
  return {
    exportedAt: now.toISOString(),
    user: {
      id: data.user.id,
      email: data.user.email,
      createdAt: data.user.createdAt.toISOString(),
      role: data.user.role,
    },
    attempts: JSON.parse(JSON.stringify(data.attempts)),
    savedQuestions: JSON.parse(JSON.stringify(data.savedQuestions)),
    reviewCards: JSON.parse(JSON.stringify(data.reviewCards)),
    sectionStats: JSON.parse(JSON.stringify(data.sectionStats)),
    seenQuestions: JSON.parse(JSON.stringify(data.seenQuestions)),
    questionReports: JSON.parse(JSON.stringify(data.reports)),
  };
}

/** The account and everything stored about it, once the password confirms it. */
export async function deleteAccount(
  prisma: PrismaClient,
  userId: string,
  password: string,
  log: FastifyBaseLogger,
): Promise<void> {
  await confirmPassword(prisma, userId, password, 'body.password');
  await deleteUser(prisma, userId);
  log.info({ event: 'account_deleted', userId }, 'account deleted');
}
