import { AdminItemsQuery, AdminItemsResponse } from '@saa/contract/admin';
import { QuestionIdParams } from '@saa/contract/saved';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../lib/app-error.ts';
import { problems } from '../../lib/problem-responses.ts';
import { currentUser } from '../../plugins/app/auth.ts';
import { listFlaggedItems, setSuspended } from '../../services/admin/items.ts';

/**
 * The operator's view. Anyone who is not a signed-in admin gets 404 on every route here, as if the
 * folder did not exist: its existence tells an attacker nothing.
 */
const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', async (request, reply) => {
    try {
      await app.loadSession(request, reply);
    } catch (error) {
      if (error instanceof AppError && error.code === 'unauthenticated') throw notFound();
      throw error;
    }
    if (request.user?.role !== 'admin') throw notFound();
  });

  app.get(
    '/items',
    {
      schema: {
        tags: ['admin'],
        summary: 'Items with open reports or flagged by their statistics, with key, rationales and reports',
        description:
          'flag: reported | hard (facility < 0.2) | easy (> 0.95) | negative-discrimination (< 0.1); statistics ' +
          'flags from 30 answers on. At most 200 items, the worst first.',
        querystring: AdminItemsQuery,
        response: { 200: AdminItemsResponse, ...problems(400, 404) },
      },
    },
    async (request) => listFlaggedItems(app.prisma, request.query.flag),
  );

  const suspendSchema = {
    tags: ['admin'],
    params: QuestionIdParams,
    response: { 204: z.null().describe('Done'), ...problems(400, 403, 404) },
  };
  app.post(
    '/items/:questionId/suspend',
    { schema: { ...suspendSchema, summary: 'Take a question out of mocks until its sources are fixed' } },
    async (request, reply) => {
      await setSuspended(app.prisma, request.params.questionId, true, currentUser(request).id);
      return reply.status(204).send(null);
    },
  );
  app.delete(
    '/items/:questionId/suspend',
    { schema: { ...suspendSchema, summary: 'Put a suspended question back into mocks' } },
    async (request, reply) => {
      await setSuspended(app.prisma, request.params.questionId, false, currentUser(request).id);
      return reply.status(204).send(null);
    },
  );
};

const notFound = () => new AppError('not_found', 'Not found.');

export default adminRoutes;
