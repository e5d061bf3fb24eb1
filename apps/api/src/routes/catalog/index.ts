import { CatalogResponse } from '@saa/contract/catalog';
import { DOMAINS, DomainId } from '@saa/contract/domains';
import { SECTIONS } from '@saa/question-bank/sections';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { countByDomain, countBySection, mainDomainBySection, type StyleCounts } from '../../data/questions.ts';

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
      const [byDomain, bySection, domainOf] = await Promise.all([
        countByDomain(app.prisma),
        countBySection(app.prisma),
        mainDomainBySection(app.prisma),
      ]);
      const counts = (c: StyleCounts | undefined) => ({
        questionCount: (c?.scenario ?? 0) + (c?.recall ?? 0),
        scenarioCount: c?.scenario ?? 0,
        recallCount: c?.recall ?? 0,
      });
      return {
        domains: DOMAINS.map((d) => ({ id: d.id, name: d.name, weight: d.weight, ...counts(byDomain.get(d.id)) })),
        sections: SECTIONS.map((s) => ({
          id: s.id,
          title: s.title,
          domain: DomainId.safeParse(domainOf.get(s.id)).data ?? null,
          ...counts(bySection.get(s.id)),
        })),
      };
    },
  );
};

export default catalogRoutes;
