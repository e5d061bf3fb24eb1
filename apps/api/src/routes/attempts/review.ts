import { AttemptIdParams, ReviewQuery, ReviewResponse } from '@saa/contract/attempts';
import { REVIEW_PAGE_SIZE } from '@saa/contract/constants';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problems } from '../../lib/problem-responses.ts';
import { currentUser } from '../../plugins/app/auth.ts';
import { reviewAttempt } from '../../services/attempts/review-attempt.ts';

const reviewRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id/review',
    {
      schema: {
        tags: ['attempts'],
        summary: 'Every question with the key, rationales and explanation, once the attempt is over',
        description:
          'filter: all | wrong (answered, not correct) | unanswered | missed (wrong or unanswered) | flagged. ' +
          `page: one page of ${REVIEW_PAGE_SIZE} questions (without it, every question of the filter); outline lists every ` +
          'question of the filter with its verdict either way. ' +
          'total is the number of questions in the attempt, counts how many each filter shows. ' +
          '409 attempt_in_progress until it is submitted or expired.',
        params: AttemptIdParams,
        querystring: ReviewQuery,
        response: { 200: ReviewResponse, ...problems(400, 401, 404, 409) },
      },
    },
    async (request) => reviewAttempt(app.prisma, currentUser(request).id, request.params.id, request.query, new Date()),
  );
};

export default reviewRoute;
