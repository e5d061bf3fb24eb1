import { AnswerParams } from '@saa/contract/attempts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deleteSaved, upsertSaved } from '../../data/saved-questions.ts';
import { AppError } from '../../lib/app-error.ts';
import { problems } from '../../lib/problem-responses.ts';
import { currentUser } from '../../plugins/app/auth.ts';
import { currentAttempt } from './lifecycle.ts';

/**
 * Save or unsave the question at a position of one of your attempts. While an attempt runs the
 * screen has no bank ids, so this is how the star on a practice feedback card works; it is
 * refused until the question's answer has been shown.
 */
const savedAtPositionRoute: FastifyPluginAsyncZod = async (app) => {
  const questionAt = async (userId: string, id: string, position: number) => {
    const attempt = await currentAttempt(app, userId, id, new Date());
    const item = await app.prisma.attemptItem.findUnique({
      where: { attemptId_position: { attemptId: attempt.id, position } },
      select: { questionId: true, correct: true },
    });
    if (!item) throw new AppError('not_found', `This attempt has no question ${position}.`);
    const shown = attempt.status !== 'in_progress' || (attempt.feedback === 'immediate' && item.correct !== null);
    if (!shown) {
      throw new AppError(
        'conflict',
        'You can save this question once its answer has been shown: after answering it with feedback on, or when the attempt ends.',
      );
    }
    return item.questionId;
  };

  const schema = {
    tags: ['saved'],
    params: AnswerParams,
    response: { 204: z.null().describe('Done'), ...problems(400, 401, 404, 409) },
  };

  app.put(
    '/:id/saved/:position',
    { schema: { ...schema, summary: 'Save the question at this position of your attempt' } },
    async (request, reply) => {
      const userId = currentUser(request).id;
      const questionId = await questionAt(userId, request.params.id, request.params.position);
      await upsertSaved(app.prisma, userId, questionId, undefined, new Date());
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/:id/saved/:position',
    {
      schema: { ...schema, summary: 'Remove the question at this position of your attempt from your saved questions' },
    },
    async (request, reply) => {
      const userId = currentUser(request).id;
      const questionId = await questionAt(userId, request.params.id, request.params.position);
      await deleteSaved(app.prisma, userId, questionId);
      return reply.status(204).send(null);
    },
  );
};

export default savedAtPositionRoute;
