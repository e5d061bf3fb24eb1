import { CatalogResponse } from '@saa/contract/catalog';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getCatalog } from '../../services/catalog/get-catalog.ts';

/** Public: what can be practised, with question counts. Never any question content. */
const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Domains (with exam weights) and sections, with how many active questions each has',
        response: { 200: CatalogResponse },
      },
    },
    async () => getCatalog(app.prisma),
  );
};

export default catalogRoutes;
