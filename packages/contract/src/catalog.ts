import { z } from 'zod';
import { DomainId } from './domains.ts';

/** Active questions, and how many of them are exam-style scenarios and quick recall checks. */
const Counts = {
  questionCount: z.number().int(),
  scenarioCount: z.number().int(),
  recallCount: z.number().int(),
};

export const CatalogResponse = z.object({
  domains: z.array(z.object({ id: DomainId, name: z.string(), weight: z.number(), ...Counts })),
  sections: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      /** The domain most of the section's questions belong to (some ask under other domains too). */
      domain: DomainId.nullable(),
      ...Counts,
    }),
  ),
});
export type CatalogResponse = z.infer<typeof CatalogResponse>;
