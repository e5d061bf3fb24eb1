import { AnswerParams } from '@saa/contract/attempts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../lib/problem-responses.ts';
import { currentUser } from '../../plugins/app/auth.ts';
import { saveAtPosition, unsaveAtPosition } from '../../services/saved/saved-at-position.ts';

/** Save or unsave the question at a position of one of your attempts, once its answer was shown. */
const savedAtPositionRoute: FastifyPluginAsyncZod = async (app) => {
  const schema = {
    tags: ['saved'],
    params: AnswerParams,
    response: { 204: z.null().describe('Done'), ...problems(400, 401, 404, 409) },
  };

  app.put(
    '/:id/saved/:position',
    { schema: { ...schema, summary: 'Save the question at this position of your attempt' } },
    async (request, reply) => {
      await saveAtPosition(app.prisma, currentUser(request).id, request.params.id, request.params.position);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/:id/saved/:position',
    {
      schema: { ...schema, summary: 'Remove the question at this position of your attempt from your saved questions' },
    },
    async (request, reply) => {
      await unsaveAtPosition(app.prisma, currentUser(request).id, request.params.id, request.params.position);
      return reply.status(204).send(null);
    },
  );
};

export default savedAtPositionRoute;
