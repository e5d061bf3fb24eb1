import { UserResponse } from '@saa/contract/auth';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problems } from '../../lib/problem-responses.ts';
import { currentUser } from '../../plugins/app/auth.ts';
import { toUser } from '../../services/auth/present-user.ts';
import accountRoutes from './account.ts';

const meRoutes: FastifyPluginAsyncZod<{ rateLimit: { max: number; timeWindow: string } }> = async (app, opts) => {
  app.addHook('onRequest', app.authenticate);
  await app.register(accountRoutes, { rateLimit: opts.rateLimit });

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
