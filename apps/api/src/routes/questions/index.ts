import { CreateReportRequest, ReportResponse } from '@saa/contract/reports';
import { QuestionIdParams } from '@saa/contract/saved';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problems } from '../../lib/problem-responses.ts';
import { currentUser } from '../../plugins/app/auth.ts';
import { reportQuestion } from '../../services/reports/report-question.ts';

/** Questions by their bank id (as a review shows it); every route needs a session. */
const questionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.authenticate);

  app.post(
    '/:questionId/reports',
    {
      schema: {
        tags: ['reports'],
        summary: 'Report a problem with a question you have seen the answer of',
        description:
          'One open report per user and question (409 while one is open). 404 unless the question is readable: ' +
          'seen in an attempt that has ended, or judged in practice.',
        params: QuestionIdParams,
        body: CreateReportRequest,
        response: { 201: ReportResponse, ...problems(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const report = await reportQuestion(
        app.prisma,
        currentUser(request).id,
        request.params.questionId,
        request.body,
        request.log,
      );
      return reply.status(201).send(report);
    },
  );
};

export default questionRoutes;
