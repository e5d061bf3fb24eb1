import { z } from 'zod';
import { DomainId } from './domains.ts';

export const CatalogResponse = z.object({
  domains: z.array(z.object({ id: DomainId, name: z.string(), weight: z.number(), questionCount: z.number().int() })),
  sections: z.array(z.object({ id: z.string(), title: z.string(), questionCount: z.number().int() })),
});
export type CatalogResponse = z.infer<typeof CatalogResponse>;
