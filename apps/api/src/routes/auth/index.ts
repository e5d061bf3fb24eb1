import { LoginRequest, SignupRequest, UserResponse } from '@saa/contract/auth';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createUser, findUserForLogin, toUser } from '../../data/users.ts';
import { AppError } from '../../lib/app-error.ts';
import { checkPassword, hashPassword } from '../../lib/passwords.ts';
import { problems } from '../../lib/problem-responses.ts';
import meRoutes from './me.ts';

export interface AuthRoutesOptions {
  rateLimitPerMinute: number;
}

/** Sign-up, sign-in and sign-out are public; /me needs a session (its own plugin adds the hook). */
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
      const passwordHash = await hashPassword(request.body.password);
      const user = await createUser(app.prisma, request.body.email, passwordHash);
      if (!user) throw new AppError('email_taken', 'An account with this email already exists; sign in instead.');
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
      const user = await findUserForLogin(app.prisma, request.body.email);
      const valid = await checkPassword(user?.passwordHash ?? null, request.body.password);
      // One message for both cases, so that sign-in does not reveal which emails have accounts.
      if (!user || !valid) throw new AppError('unauthenticated', 'The email or password is wrong.');
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

  await app.register(meRoutes);
};

export default authRoutes;
