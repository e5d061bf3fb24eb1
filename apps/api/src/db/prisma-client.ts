import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.ts';

export type { Prisma } from '../generated/prisma/client.ts';
export { PrismaClient };

/** A Prisma client or the transaction client a caller opened: data functions accept either. */
export type Db = PrismaClient | Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** The app's one Prisma client, on the pg driver adapter (no engine binary needed). */
export function createPrismaClient(connectionString: string, poolSize: number): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: poolSize, connectionTimeoutMillis: 5_000 }),
  });
}

/**
 * For interactive transactions: Prisma's defaults (2 s to get a connection, 5 s to finish) are
 * tight for a pool under a burst of submissions; waiting a little longer beats failing a submit.
 */
export const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;
