import type { CatalogResponse } from '@saa/contract/catalog';
import { DOMAINS, DomainId } from '@saa/contract/domains';
import { SECTIONS } from '@saa/question-bank/sections';
import { countByDomain, countBySection, mainDomainBySection, type StyleCounts } from '../../data/questions.ts';
import type { PrismaClient } from '../../db/prisma-client.ts';

/** What can be practised, with question counts by style. Never any question content. */
export async function getCatalog(prisma: PrismaClient): Promise<CatalogResponse> {
  const [byDomain, bySection, domainOf] = await Promise.all([
    countByDomain(prisma),
    countBySection(prisma),
    mainDomainBySection(prisma),
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
}
