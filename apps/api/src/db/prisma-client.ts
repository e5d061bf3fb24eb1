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

// A request that cannot get a connection within 3 s answers 503 server_busy (with Retry-After)
// instead of waiting longer: under a burst it is better to say so than to stall everyone.
const POOL_OPTIONS = { connectionTimeoutMillis: 3_000 } as const;

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
   * Connections of their own for autosaves (a fifth of the total, at least one), taken straight
   * through pg: Prisma's own cost per query (about 130 µs of CPU on the benchmark machine, against
   * 55 µs for pg itself) is worth skipping on the hottest path, and a burst of other requests
   * (fifty starts at once, a class submitting) then never queues in front of anyone's save.
   */
  savePool: pg.Pool;
}

/** The app's clients: Prisma on four fifths of `poolSize` connections, autosaves on the rest. */
export function createDatabaseClients(connectionString: string, poolSize: number): DatabaseClients {
  const saveSlots = Math.max(1, Math.ceil(poolSize / 5));
  const pool = new pg.Pool({ connectionString, max: Math.max(1, poolSize - saveSlots), ...POOL_OPTIONS });
  const savePool = new pg.Pool({ connectionString, max: saveSlots, ...POOL_OPTIONS });
  // An idle connection that breaks (Postgres restarted) must not crash the process; the next
  // query gets a fresh connection, or fails with an error the error handler turns into a 503.
  pool.on('error', () => {});
  savePool.on('error', () => {});
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool, { statementNameGenerator: statementNames() }),
  });
  return { prisma, savePool };
}

/**
 * For interactive transactions: Prisma's defaults (2 s to get a connection, 5 s to finish) are
 * tight for a pool under a burst of submissions; waiting a little longer beats failing a submit.
 */
export const TRANSACTION_OPTIONS = { maxWait: 3_000, timeout: 20_000 } as const;
