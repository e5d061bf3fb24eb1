import { AttemptIdParams, AttemptResponse } from '@saa/contract/attempts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problems } from '../../lib/problem-responses.ts';
import { currentUser } from '../../plugins/app/auth.ts';
import { readAttempt } from '../../services/attempts/read-attempt.ts';

const readRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id',
    {
      schema: {
        tags: ['attempts'],
        summary: 'An attempt with its questions and saved answers (never the key while in progress)',
        description:
          'remainingSeconds is computed by the server on every read. An attempt past its deadline is scored ' +
          'on this read (status expired) if the background sweeper has not done it yet.',
        params: AttemptIdParams,
        response: { 200: AttemptResponse, ...problems(400, 401, 404) },
      },
    },
    async (request) => readAttempt(app.prisma, currentUser(request).id, request.params.id, new Date()),
  );
};

export default readRoute;
