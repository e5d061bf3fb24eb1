import { AccountExportResponse, ChangePasswordRequest, DeleteAccountRequest } from '@saa/contract/auth';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../lib/problem-responses.ts';
import { SESSION_COOKIE, sessionIdOf } from '../../lib/session-token.ts';
import { currentUser } from '../../plugins/app/auth.ts';
import { changePassword, deleteAccount, endEverySession, exportAccount } from '../../services/auth/account.ts';

/** What a signed-in user can do with their account (the folder's plugin adds `authenticate`). */
const accountRoutes: FastifyPluginAsyncZod<{ rateLimit: { max: number; timeWindow: string } }> = async (app, opts) => {
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
      const keep = thisSession(request.cookies[SESSION_COOKIE]);
      await changePassword(app.prisma, currentUser(request).id, request.body, keep, request.log);
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
      await endEverySession(app.prisma, currentUser(request).id, request.log);
      await app.endSession(request, reply);
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
      const now = new Date();
      reply.header(
        'content-disposition',
        `attachment; filename="saa-practice-data-${now.toISOString().slice(0, 10)}.json"`,
      );
      return exportAccount(app.prisma, currentUser(request).id, now);
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
      await deleteAccount(app.prisma, currentUser(request).id, request.body.password, request.log);
      await app.endSession(request, reply);
      return reply.status(204).send(null);
    },
  );
};

export default accountRoutes;
