import { AttemptListQuery, AttemptListResponse } from '@saa/contract/attempts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problems } from '../../lib/problem-responses.ts';
import { currentUser } from '../../plugins/app/auth.ts';
import { listAttempts } from '../../services/attempts/list-attempts.ts';

const listRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['attempts'],
        summary: "The user's attempts, newest first; pass nextCursor back as cursor for the next page",
        querystring: AttemptListQuery,
        response: { 200: AttemptListResponse, ...problems(400, 401) },
      },
    },
    async (request) => listAttempts(app.prisma, currentUser(request).id, request.query, new Date()),
  );
};

export default listRoute;
