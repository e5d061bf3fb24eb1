import { LoginRequest, ResetPasswordRequest, SessionResponse, SignupRequest, UserResponse } from '@saa/contract/auth';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { consumePasswordReset, deleteSessionsOf, findPasswordHash, setPasswordHash } from '../../data/accounts.ts';
import { blockedUntil, clearFailures, recordFailure } from '../../data/sign-in-failures.ts';
import { createUser, findUserForLogin, toUser } from '../../data/users.ts';
import { hashResetToken } from '../../db/password-reset-link.ts';
import { AppError, invalidField } from '../../lib/app-error.ts';
import { passwordProblem } from '../../lib/password-policy.ts';
import { checkPassword, hashPassword } from '../../lib/passwords.ts';
import { problems } from '../../lib/problem-responses.ts';
import meRoutes from './me.ts';

export interface AuthRoutesOptions {
  rateLimitPerMinute: number;
}

/** Sign-up, sign-in and sign-out are public; /me needs a session (its own plugin adds the hook). */
/** 429 with Retry-After: this account's sign-in is held back after repeated failures. */
function tooManyFailures(reply: FastifyReply, until: Date, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  reply.header('retry-after', String(seconds));
  return new AppError(
    'rate_limited',
    `Too many failed sign-ins for this account: try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
  );
}

const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, opts) => {
  const rateLimit = { max: opts.rateLimitPerMinute, timeWindow: '1 minute' };

  app.post(
    '/signup',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Create an account and sign in (sets the session cookie)',
        body: SignupRequest,
        response: { 201: UserResponse, ...problems(400, 403, 409, 413, 415, 429) },
      },
    },
    async (request, reply) => {
      const weak = passwordProblem(request.body.password, [request.body.email]);
      if (weak) throw invalidField('body.password', weak);
      const passwordHash = await hashPassword(request.body.password);
      const user = await createUser(app.prisma, request.body.email, passwordHash);
      if (!user) throw new AppError('email_taken', 'An account with this email already exists; sign in instead.');
      request.log.info({ event: 'sign_up', userId: user.id }, 'account created');
      await app.startSession(request, reply, user.id);
      return reply.status(201).send({ user: toUser(user) });
    },
  );

  app.post(
    '/login',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with a new session (any previous session of this browser is revoked)',
        body: LoginRequest,
        response: { 200: UserResponse, ...problems(400, 401, 403, 413, 415, 429) },
      },
    },
    async (request, reply) => {
      const { email } = request.body;
      const now = new Date();
      // Per account as well as per address: guesses spread over many addresses still slow down.
      const until = await blockedUntil(app.prisma, email, now);
      if (until) {
        request.log.warn({ event: 'sign_in_held_back', until }, 'sign-in held back after repeated failures');
        throw tooManyFailures(reply, until, now);
      }
      const user = await findUserForLogin(app.prisma, email);
      const valid = await checkPassword(user?.passwordHash ?? null, request.body.password);
      // One message for both cases, so that sign-in does not reveal which emails have accounts.
      if (!user || !valid) {
        await recordFailure(app.prisma, email, now);
        // Security events name the account by id, never by email or password.
        request.log.warn({ event: 'sign_in_failed', userId: user?.id ?? null }, 'sign-in failed');
        throw new AppError('unauthenticated', 'The email or password is wrong.');
      }
      await clearFailures(app.prisma, email);
      request.log.info({ event: 'sign_in', userId: user.id }, 'signed in');
      await app.startSession(request, reply, user.id);
      return { user: toUser(user) };
    },
  );

  app.post(
    '/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out: revokes the session and clears the cookie (also fine without a session)',
        response: { 204: z.null().describe('Signed out'), ...problems(403) },
      },
    },
    async (request, reply) => {
      await app.endSession(request, reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/reset-password',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with a one-time link from `pnpm user:reset-password` (ends every session)',
        body: ResetPasswordRequest,
        response: { 204: z.null().describe('Password set'), ...problems(400, 403, 413, 415, 429) },
      },
    },
    async (request, reply) => {
      const weak = passwordProblem(request.body.newPassword);
      if (weak) throw invalidField('body.newPassword', weak);
      const userId = await consumePasswordReset(app.prisma, hashResetToken(request.body.token), new Date());
      if (!userId) {
        throw invalidField('body.token', 'this reset link is unknown, already used or expired; ask for a new one');
      }
      const account = await findPasswordHash(app.prisma, userId);
      await setPasswordHash(app.prisma, userId, await hashPassword(request.body.newPassword));
      await deleteSessionsOf(app.prisma, userId, null);
      if (account) await clearFailures(app.prisma, account.email);
      request.log.info({ event: 'password_reset', userId }, 'password set from a reset link; every session ended');
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, or null: 200 either way (GET /me answers 401 without a session)',
        response: { 200: SessionResponse },
      },
    },
    async (request, reply) => {
      try {
        await app.loadSession(request, reply);
      } catch (error) {
        if (error instanceof AppError && error.code === 'unauthenticated') return { user: null };
        throw error;
      }
      return { user: request.user ? toUser(request.user) : null };
    },
  );

  await app.register(meRoutes, { rateLimit });
};

export default authRoutes;
