import { AnswerParams, SaveAnswerRequest, SaveAnswerResponse } from '@saa/contract/attempts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problems } from '../../lib/problem-responses.ts';
import { currentUser } from '../../plugins/app/auth.ts';
import { autosaveBatcher, saveAnswer, saveAnswerQuickly } from '../../services/attempts/save-answer.ts';

const answersRoute: FastifyPluginAsyncZod<{ batchLimit?: number | undefined; fastPath?: boolean | undefined }> = async (
  app,
  options,
) => {
  const fastPath = options.fastPath !== false;
  // The autosaves' own connections (a fifth of the total, two of the default ten): under moderate
  // load saves then already queue and share statements, which costs less CPU per save than a
  // statement each (docs/benchmarks.md), and no other request ever waits in front of a save.
  const batcher = autosaveBatcher(app.savePool, options.batchLimit);

  app.put(
    '/:id/answers/:position',
    {
      // The hottest route: the session is checked inside the save statement when it can be.
      config: { sessionInQuery: true },
      schema: {
        tags: ['attempts'],
        summary: 'Autosave the answer to one question',
        description:
          'Idempotent: a save whose seq is not higher than the stored one changes nothing and answers 200 with ' +
          'the stored state (applied: false). After the deadline or submission: 409 attempt_closed. With ' +
          'immediate feedback, the response carries the verdict once the question has as many options chosen ' +
          'as it asks for; from then on only `flagged` can change (409 answer_locked).',
        params: AnswerParams,
        body: SaveAnswerRequest,
        response: { 200: SaveAnswerResponse, ...problems(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const { id, position } = request.params;
      const now = new Date();
      const session = fastPath ? app.sessionCheck(request, now) : null;
      const quick = session && (await saveAnswerQuickly(batcher, session, id, position, request.body, now));
      if (quick) return quick;
      await app.loadSession(request, reply);
      return saveAnswer(app.prisma, currentUser(request).id, id, position, request.body, now);
    },
  );
};

export default answersRoute;
