import type { AttemptResult } from '@saa/contract/attempts';
import { AttemptIdParams, SubmitResponse } from '@saa/contract/attempts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findAttempt } from '../../data/attempts.ts';
import { problems } from '../../lib/problem-responses.ts';
import { currentUser } from '../../plugins/app/auth.ts';
import { closedError, finish, notFound } from './lifecycle.ts';
import { presentResult } from './present.ts';

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
    async (request) => {
      const attempt = await findAttempt(app.prisma, currentUser(request).id, request.params.id);
      if (!attempt) throw notFound();
      if (attempt.status === 'submitted') {
        return {
          id: attempt.id,
          status: attempt.status,
          result: presentResult(attempt.result as AttemptResult, attempt.mode),
        };
      }
      if (attempt.status === 'expired') throw closedError(attempt);
      const done = await finish(app, attempt.id, new Date());
      if (!done) throw notFound();
      if (done.status === 'expired') throw closedError({ status: done.status, deadline: attempt.deadline });
      return { id: attempt.id, status: done.status, result: presentResult(done.result, attempt.mode) };
    },
  );
};

export default submitRoute;
