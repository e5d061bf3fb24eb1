import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.ts';

export type { Prisma } from '../generated/prisma/client.ts';
export { PrismaClient };

/** A Prisma client or the transaction client a caller opened: data functions accept either. */
export type Db = PrismaClient | Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** More distinct statements than the app has shapes of queries means something builds SQL on the fly. */
const MAX_NAMED_STATEMENTS = 2_000;

/**
 * Names each distinct SQL text once (saa_0, saa_1, ...), so that pg sends it as a named prepared
 * statement: each connection parses and plans it on first use, then only binds and executes.
 * Measured on the autosave path, this cut Postgres' CPU per statement by half to three quarters
 * (docs/benchmarks.md). Past the cap, statements go unnamed again (the default).
 */
export function statementNames(): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    let name = names.get(sql);
    if (name === undefined) {
      if (names.size >= MAX_NAMED_STATEMENTS) return '';
      name = `saa_${names.size}`;
      names.set(sql, name);
    }
    return name;
  };
}

const POOL_OPTIONS = { connectionTimeoutMillis: 5_000 } as const;

/** A Prisma client on the pg driver adapter (no engine binary needed), with its own pool. */
export function createPrismaClient(connectionString: string, poolSize: number): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg(
      { connectionString, max: poolSize, ...POOL_OPTIONS },
      { statementNameGenerator: statementNames() },
    ),
  });
}

export interface DatabaseClients {
  prisma: PrismaClient;
  /**
   * The pool under `prisma`, for the few statements on hot paths where Prisma's own cost per query
   * (about 130 µs of CPU on the benchmark machine, against 55 µs for pg itself) is worth skipping.
   */
  pool: pg.Pool;
}

/** The app's clients: Prisma, and the pg pool it runs on (one pool of `poolSize` connections). */
export function createDatabaseClients(connectionString: string, poolSize: number): DatabaseClients {
  const pool = new pg.Pool({ connectionString, max: poolSize, ...POOL_OPTIONS });
  // An idle connection that breaks (Postgres restarted) must not crash the process; the next
  // query gets a fresh connection, or fails with an error the error handler turns into a 503.
  pool.on('error', () => {});
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool, { statementNameGenerator: statementNames() }),
  });
  return { prisma, pool };
}

/**
 * For interactive transactions: Prisma's defaults (2 s to get a connection, 5 s to finish) are
 * tight for a pool under a burst of submissions; waiting a little longer beats failing a submit.
 */
export const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;
