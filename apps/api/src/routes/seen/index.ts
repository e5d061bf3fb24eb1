import { SeenSearchQuery, SeenSearchResponse } from '@saa/contract/saved';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problems } from '../../lib/problem-responses.ts';
import { currentUser } from '../../plugins/app/auth.ts';
import { searchSeenQuestions } from '../../services/saved/saved-questions.ts';

/** Search in the questions you have already seen; needs a session (one hook for the folder). */
const seenRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.authenticate);

  app.get(
    '/',
    {
      schema: {
        tags: ['saved'],
        summary: 'Search the questions you have seen (stem, options, explanation), with their keys',
        description:
          'Only questions whose answer you have seen: never unseen ones (they would spoil mocks) and never one a ' +
          'running attempt asks without feedback.',
        querystring: SeenSearchQuery,
        response: { 200: SeenSearchResponse, ...problems(400, 401) },
      },
    },
    async (request) => searchSeenQuestions(app.prisma, currentUser(request).id, request.query),
  );
};

export default seenRoutes;
