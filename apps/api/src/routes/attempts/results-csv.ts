import { AttemptIdParams } from '@saa/contract/attempts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../lib/problem-responses.ts';
import { currentUser } from '../../plugins/app/auth.ts';
import { attemptResultsCsv } from '../../services/attempts/results-csv.ts';

const resultsCsvRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id/results.csv',
    {
      schema: {
        tags: ['attempts'],
        summary: 'The results of a finished attempt as CSV, one row per question',
        params: AttemptIdParams,
        produces: ['text/csv'],
        response: { 200: z.string(), ...problems(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const { csv, fileName } = await attemptResultsCsv(
        app.prisma,
        currentUser(request).id,
        request.params.id,
        new Date(),
      );
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(csv);
    },
  );
};

export default resultsCsvRoute;
