import { AttemptIdParams, ReviewQuery, ReviewResponse } from '@saa/contract/attempts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findItems } from '../../data/attempts.ts';
import { savedQuestionIds } from '../../data/saved-questions.ts';
import { AppError } from '../../lib/app-error.ts';
import { problems } from '../../lib/problem-responses.ts';
import { currentUser } from '../../plugins/app/auth.ts';
import { currentAttempt } from './lifecycle.ts';
import { presentResult, reviewCounts, reviewItems } from './present.ts';

const reviewRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id/review',
    {
      schema: {
        tags: ['attempts'],
        summary: 'Every question with the key, rationales and explanation, once the attempt is over',
        description:
          'filter: all | wrong (answered, not correct) | unanswered | missed (wrong or unanswered) | flagged. ' +
          'total is the number of questions in the attempt, counts how many each filter shows. ' +
          '409 attempt_in_progress until it is submitted or expired.',
        params: AttemptIdParams,
        querystring: ReviewQuery,
        response: { 200: ReviewResponse, ...problems(400, 401, 404, 409) },
      },
    },
    async (request) => {
      const attempt = await currentAttempt(app, currentUser(request).id, request.params.id, new Date());
      if (attempt.status === 'in_progress') {
        throw new AppError(
          'attempt_in_progress',
          'The review opens once the attempt is submitted (or its time runs out): answers stay hidden until then.',
        );
      }
      const times = attempt.result ? presentResult(attempt.result, attempt.mode).questionTimes : [];
      const seconds = new Map(times.map((t) => [t.position, t.seconds]));
      const items = await findItems(app.prisma, attempt.id);
      const saved = await savedQuestionIds(
        app.prisma,
        attempt.userId,
        items.map((i) => i.questionId),
      );
      return {
        attemptId: attempt.id,
        filter: request.query.filter,
        total: items.length,
        counts: reviewCounts(items),
        items: reviewItems(items, request.query.filter, seconds, saved),
      };
    },
  );
};

export default reviewRoute;
