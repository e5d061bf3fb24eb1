import { StatsResponse } from '@saa/contract/stats';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problems } from '../../lib/problem-responses.ts';
import { currentUser } from '../../plugins/app/auth.ts';
import { getStats } from '../../services/stats/get-stats.ts';

/** Everything about the signed-in user's progress; needs a session for the whole folder. */
const statsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.authenticate);

  app.get(
    '/',
    {
      schema: {
        tags: ['stats'],
        summary: 'Score trend, accuracy per domain and section, weakest sections, readiness, drill queue',
        description:
          'Accuracy counts answered questions of scored attempts. Readiness is the mean estimated scaled score ' +
          'of the last three scored mocks; ready means three mocks with that mean at or above 720.',
        response: { 200: StatsResponse, ...problems(401) },
      },
    },
    async (request) => getStats(app.prisma, currentUser(request).id, new Date()),
  );
};

export default statsRoutes;
