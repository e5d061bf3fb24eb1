import { AttemptIdParams, SubmitResponse } from '@saa/contract/attempts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problems } from '../../lib/problem-responses.ts';
import { currentUser } from '../../plugins/app/auth.ts';
import { submitAttempt } from '../../services/attempts/submit-attempt.ts';

const submitRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/:id/submit',
    {
      schema: {
        tags: ['attempts'],
        summary: 'Submit and score the attempt; submitting again returns the same result',
        description:
          'Idempotent: a submitted attempt answers 200 with its stored result. After the deadline the ' +
          'attempt is scored as expired instead and submit answers 409 attempt_closed.',
        params: AttemptIdParams,
        response: { 200: SubmitResponse, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => submitAttempt(app.prisma, currentUser(request).id, request.params.id, new Date()),
  );
};

export default submitRoute;
