import { LoginRequest, ResetPasswordRequest, SessionResponse, SignupRequest, UserResponse } from '@saa/contract/auth';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../lib/app-error.ts';
import { problems } from '../../lib/problem-responses.ts';
import { toUser } from '../../services/auth/present-user.ts';
import { resetPassword, signIn, signUp } from '../../services/auth/sign-in.ts';
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
      const user = await signUp(app.prisma, request.body, request.log);
      await app.startSession(request, reply, user.id);
      return reply.status(201).send({ user });
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
      const user = await signIn(app.prisma, request.body, new Date(), request.log);
      await app.startSession(request, reply, user.id);
      return { user };
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
      await resetPassword(app.prisma, request.body, new Date(), request.log);
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
