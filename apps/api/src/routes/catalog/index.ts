import { CatalogResponse } from '@saa/contract/catalog';
import { DOMAINS } from '@saa/contract/domains';
import { SECTIONS } from '@saa/question-bank/sections';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { countByDomain, countBySection } from '../../data/questions.ts';

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
    async () => {
      const [byDomain, bySection] = await Promise.all([countByDomain(app.prisma), countBySection(app.prisma)]);
      return {
        domains: DOMAINS.map((d) => ({
          id: d.id,
          name: d.name,
          weight: d.weight,
          questionCount: byDomain.get(d.id) ?? 0,
        })),
        sections: SECTIONS.map((s) => ({ id: s.id, title: s.title, questionCount: bySection.get(s.id) ?? 0 })),
      };
    },
  );
};

export default catalogRoutes;
