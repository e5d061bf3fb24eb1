import type { User } from '@saa/contract/auth';
import type { FastifyBaseLogger } from 'fastify';
import { consumePasswordReset, deleteSessionsOf, findPasswordHash, setPasswordHash } from '../../data/accounts.ts';
import { blockedUntil, clearFailures, recordFailure } from '../../data/sign-in-failures.ts';
import { createUser, findUserForLogin } from '../../data/users.ts';
import { hashResetToken } from '../../db/password-reset-link.ts';
import type { PrismaClient } from '../../db/prisma-client.ts';
import { AppError, invalidField, tryAgainLater } from '../../lib/app-error.ts';
import { passwordProblem } from '../../lib/password-policy.ts';
import { checkPassword, hashPassword } from '../../lib/passwords.ts';
import { toUser } from './present-user.ts';

// Security events name the account by id, never by email or password.

/** A new account; the caller starts its session. */
export async function signUp(
  prisma: PrismaClient,
  credentials: { email: string; password: string },
  log: FastifyBaseLogger,
): Promise<User> {
  const weak = passwordProblem(credentials.password, [credentials.email]);
  if (weak) throw invalidField('body.password', weak);
  const user = await createUser(prisma, credentials.email, await hashPassword(credentials.password));
  if (!user) throw new AppError('email_taken', 'An account with this email already exists; sign in instead.');
  log.info({ event: 'sign_up', userId: user.id }, 'account created');
  return toUser(user);
}

/** The account these credentials open, throttled per account after repeated failures. */
export async function signIn(
  prisma: PrismaClient,
  credentials: { email: string; password: string },
  now: Date,
  log: FastifyBaseLogger,
): Promise<User> {
  const { email, password } = credentials;
  // Per account as well as per address: guesses spread over many addresses still slow down.
  const until = await blockedUntil(prisma, email, now);
  if (until) {
    log.warn({ event: 'sign_in_held_back', until }, 'sign-in held back after repeated failures');
    const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
    throw tryAgainLater(
      'rate_limited',
      `Too many failed sign-ins for this account: try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
      seconds,
    );
  }
  const user = await findUserForLogin(prisma, email);
  const valid = await checkPassword(user?.passwordHash ?? null, password);
  // One message for both cases, so that sign-in does not reveal which emails have accounts.
  if (!user || !valid) {
    await recordFailure(prisma, email, now);
    log.warn({ event: 'sign_in_failed', userId: user?.id ?? null }, 'sign-in failed');
    throw new AppError('unauthenticated', 'The email or password is wrong.');
  }
  await clearFailures(prisma, email);
  log.info({ event: 'sign_in', userId: user.id }, 'signed in');
  return toUser(user);
}

/** A new password from a one-time reset link; every session of the account ends. */
export async function resetPassword(
  prisma: PrismaClient,
  request: { token: string; newPassword: string },
  now: Date,
  log: FastifyBaseLogger,
): Promise<void> {
  const weak = passwordProblem(request.newPassword);
  if (weak) throw invalidField('body.newPassword', weak);
  const userId = await consumePasswordReset(prisma, hashResetToken(request.token), now);
  if (!userId)
    throw invalidField('body.token', 'this reset link is unknown, already used or expired; ask for a new one');
  const account = await findPasswordHash(prisma, userId);
  await setPasswordHash(prisma, userId, await hashPassword(request.newPassword));
  await deleteSessionsOf(prisma, userId, null);
  if (account) await clearFailures(prisma, account.email);
  log.info({ event: 'password_reset', userId }, 'password set from a reset link; every session ended');
}
