import { QuestionIdParams, SavedListResponse, SavedQuestionResponse, SaveQuestionRequest } from '@saa/contract/saved';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deleteSaved, findSaved, isReadable, listSaved, upsertSaved } from '../../data/saved-questions.ts';
import { AppError } from '../../lib/app-error.ts';
import { problems } from '../../lib/problem-responses.ts';
import { currentUser } from '../../plugins/app/auth.ts';
import { presentSaved } from './present.ts';

const notReadable = () =>
  new AppError(
    'not_found',
    'You can save a question once you have seen its answer: after the attempt that asked it ends, or once practice feedback shows it.',
  );

/** Saved questions outlive attempts; every route needs a session (one hook for the folder). */
const savedRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.authenticate);

  app.get(
    '/',
    {
      schema: {
        tags: ['saved'],
        summary: 'Your saved questions with key, explanation and note, newest first',
        description: 'A saved question that a running attempt asks again is left out until that attempt ends.',
        response: { 200: SavedListResponse, ...problems(401) },
      },
    },
    async (request) => ({ items: (await listSaved(app.prisma, currentUser(request).id)).map(presentSaved) }),
  );

  app.put(
    '/:questionId',
    {
      schema: {
        tags: ['saved'],
        summary: 'Save a question (by the id a review shows), or change its note',
        description: '404 unless the question is readable: seen in an attempt that has ended, or judged in practice.',
        params: QuestionIdParams,
        body: SaveQuestionRequest,
        response: { 200: SavedQuestionResponse, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const userId = currentUser(request).id;
      const { questionId } = request.params;
      if (!(await isReadable(app.prisma, userId, questionId))) throw notReadable();
      await upsertSaved(app.prisma, userId, questionId, request.body.note, new Date());
      const saved = await findSaved(app.prisma, userId, questionId);
      if (!saved) throw notReadable();
      return presentSaved(saved);
    },
  );

  app.delete(
    '/:questionId',
    {
      schema: {
        tags: ['saved'],
        summary: 'Remove a question from your saved questions',
        params: QuestionIdParams,
        response: { 204: z.null().describe('Removed'), ...problems(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const removed = await deleteSaved(app.prisma, currentUser(request).id, request.params.questionId);
      if (!removed) throw new AppError('not_found', 'This question is not among your saved questions.');
      return reply.status(204).send(null);
    },
  );
};

export default savedRoutes;
