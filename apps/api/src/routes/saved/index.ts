import { QuestionIdParams, SavedListResponse, SavedQuestionResponse, SaveQuestionRequest } from '@saa/contract/saved';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../lib/problem-responses.ts';
import { currentUser } from '../../plugins/app/auth.ts';
import { listSavedQuestions, saveQuestion, unsaveQuestion } from '../../services/saved/saved-questions.ts';

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
    async (request) => listSavedQuestions(app.prisma, currentUser(request).id),
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
    async (request) =>
      saveQuestion(app.prisma, currentUser(request).id, request.params.questionId, request.body.note, new Date()),
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
      await unsaveQuestion(app.prisma, currentUser(request).id, request.params.questionId);
      return reply.status(204).send(null);
    },
  );
};

export default savedRoutes;
