import { AttemptListQuery, AttemptListResponse } from '@saa/contract/attempts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listAttempts } from '../../data/attempts.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { problems } from '../../lib/problem-responses.ts';
import { currentUser } from '../../plugins/app/auth.ts';
import { expireOverdueOf } from './lifecycle.ts';
import { presentSummary } from './present.ts';

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
    async (request) => {
      const user = currentUser(request);
      const after = request.query.cursor ? decodeCursor(request.query.cursor) : null;
      await expireOverdueOf(app, user.id, new Date());
      const rows = await listAttempts(app.prisma, user.id, request.query.limit, after);
      const page = rows.slice(0, request.query.limit);
      const last = page.at(-1);
      return {
        items: page.map(presentSummary),
        nextCursor: rows.length > page.length && last ? encodeCursor(last) : null,
      };
    },
  );
};

export default listRoute;
