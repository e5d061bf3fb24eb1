import { UserResponse } from '@saa/contract/auth';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { toUser } from '../../data/users.ts';
import { problems } from '../../lib/problem-responses.ts';
import { currentUser } from '../../plugins/app/auth.ts';

const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.authenticate);

  app.get(
    '/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user (401 without a valid session)',
        response: { 200: UserResponse, ...problems(401) },
      },
    },
    async (request) => ({ user: toUser(currentUser(request)) }),
  );
};

export default meRoutes;
