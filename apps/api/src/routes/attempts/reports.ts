import { AnswerParams } from '@saa/contract/attempts';
import { CreateReportRequest, ReportResponse } from '@saa/contract/reports';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problems } from '../../lib/problem-responses.ts';
import { currentUser } from '../../plugins/app/auth.ts';
import { reportAtPosition } from '../../services/reports/report-question.ts';

/** Report the question at a position of your attempt, once its answer has been shown. */
const reportAtPositionRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/:id/questions/:position/reports',
    {
      schema: {
        tags: ['reports'],
        summary: 'Report a problem with the question at this position of your attempt',
        description: 'As POST /api/questions/:questionId/reports; 409 conflict until the answer has been shown.',
        params: AnswerParams,
        body: CreateReportRequest,
        response: { 201: ReportResponse, ...problems(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const { id, position } = request.params;
      const report = await reportAtPosition(
        app.prisma,
        currentUser(request).id,
        id,
        position,
        request.body,
        request.log,
      );
      return reply.status(201).send(report);
    },
  );
};

export default reportAtPositionRoute;
