import { z } from 'zod';

/** The four content domains of the SAA-C03 exam guide, with their weights in percent. */
export const DOMAINS = [
  { id: 'secure', name: 'Design Secure Architectures', weight: 30 },
  { id: 'resilient', name: 'Design Resilient Architectures', weight: 26 },
  { id: 'high-performing', name: 'Design High-Performing Architectures', weight: 24 },
  { id: 'cost-optimized', name: 'Design Cost-Optimized Architectures', weight: 20 },
] as const;

export const DomainId = z.enum(['secure', 'resilient', 'high-performing', 'cost-optimized']);
export type DomainId = z.infer<typeof DomainId>;
