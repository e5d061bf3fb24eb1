import { z } from 'zod';
import { DOMAIN_IDS, DOMAINS } from './constants.ts';

export { DOMAINS };

export const DomainId = z.enum(DOMAIN_IDS);
export type DomainId = z.infer<typeof DomainId>;
