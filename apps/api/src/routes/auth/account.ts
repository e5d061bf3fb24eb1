import { AccountExportResponse, ChangePasswordRequest, DeleteAccountRequest } from '@saa/contract/auth';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  deleteSessionsOf,
  deleteUser,
  exportUserData,
  findPasswordHash,
  setPasswordHash,
} from '../../data/accounts.ts';
import { clearFailures } from '../../data/sign-in-failures.ts';
import { invalidField } from '../../lib/app-error.ts';
import { passwordProblem } from '../../lib/password-policy.ts';
import { checkPassword, hashPassword } from '../../lib/passwords.ts';
import { problems } from '../../lib/problem-responses.ts';
import { SESSION_COOKIE, sessionIdOf } from '../../lib/session-token.ts';
import { currentUser } from '../../plugins/app/auth.ts';

/** What a signed-in user can do with their account (the folder's plugin adds `authenticate`). */
const accountRoutes: FastifyPluginAsyncZod<{ rateLimit: { max: number; timeWindow: string } }> = async (app, opts) => {
  /** The password, checked again for changes that matter; a wrong one is a field error (400). */
  const confirmPassword = async (userId: string, password: string, field: string) => {
    const stored = await findPasswordHash(app.prisma, userId);
    if (!stored || !(await checkPassword(stored.passwordHash, password))) {
      throw invalidField(field, 'this is not your current password');
    }
    return stored;
  };
  const thisSession = (cookie: string | undefined) => (cookie ? sessionIdOf(cookie) : null);

  app.post(
    '/password',
    {
      config: { rateLimit: opts.rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Change the password; every other session of the account ends',
        body: ChangePasswordRequest,
        response: { 204: z.null().describe('Changed'), ...problems(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const stored = await confirmPassword(user.id, request.body.currentPassword, 'body.currentPassword');
      const weak = passwordProblem(request.body.newPassword, [stored.email]);
      if (weak) throw invalidField('body.newPassword', weak);
      await setPasswordHash(app.prisma, user.id, await hashPassword(request.body.newPassword));
      await deleteSessionsOf(app.prisma, user.id, thisSession(request.cookies[SESSION_COOKIE]));
      await clearFailures(app.prisma, stored.email);
      request.log.info({ event: 'password_changed', userId: user.id }, 'password changed; other sessions ended');
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/logout-all',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out everywhere: every session of the account ends, this one included',
        response: { 204: z.null().describe('Signed out everywhere'), ...problems(401, 403) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      await deleteSessionsOf(app.prisma, user.id, null);
      await app.endSession(request, reply);
      request.log.info({ event: 'logout_all', userId: user.id }, 'every session ended');
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/export',
    {
      schema: {
        tags: ['auth'],
        summary: 'Download everything stored about you, as JSON',
        response: { 200: AccountExportResponse, ...problems(401) },
      },
    },
    async (request, reply) => {
      const data = await exportUserData(app.prisma, currentUser(request).id);
      const day = new Date().toISOString().slice(0, 10);
      reply.header('content-disposition', `attachment; filename="saa-practice-data-${day}.json"`);
      return {
        exportedAt: new Date().toISOString(),
        user: { id: data.user.id, email: data.user.email, createdAt: data.user.createdAt.toISOString() },
        attempts: JSON.parse(JSON.stringify(data.attempts)),
        savedQuestions: JSON.parse(JSON.stringify(data.savedQuestions)),
        reviewCards: JSON.parse(JSON.stringify(data.reviewCards)),
        sectionStats: JSON.parse(JSON.stringify(data.sectionStats)),
        seenQuestions: JSON.parse(JSON.stringify(data.seenQuestions)),
      };
    },
  );

  app.delete(
    '/me',
    {
      config: { rateLimit: opts.rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Delete the account and everything stored about it (asks for the password)',
        body: DeleteAccountRequest,
        response: { 204: z.null().describe('Deleted'), ...problems(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      await confirmPassword(user.id, request.body.password, 'body.password');
      await deleteUser(app.prisma, user.id);
      await app.endSession(request, reply);
      request.log.info({ event: 'account_deleted', userId: user.id }, 'account deleted');
      return reply.status(204).send(null);
    },
  );
};

export default accountRoutes;
